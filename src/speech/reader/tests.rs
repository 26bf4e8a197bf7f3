use super::*;

/// Starts a reading of chunks `queue`, each 10 characters, at rate 1, and
/// returns the first utterance's token.
fn started(reader: &mut Reader, queue: Vec<usize>) -> u32 {
    let lengths = vec![10; queue.len()];
    let actions = reader.start(queue, 1.0, &lengths);
    match actions.last() {
        Some(Action::Speak { token, .. }) => *token,
        other => panic!("expected a first utterance, got {other:?}"),
    }
}

fn spoken(actions: &[Action]) -> Option<(usize, u32)> {
    actions.iter().find_map(|a| match a {
        Action::Speak { chunk, token, .. } => Some((*chunk, *token)),
        _ => None,
    })
}

#[test]
fn reads_every_chunk_in_order_then_finishes() {
    let mut reader = Reader::default();
    let mut token = started(&mut reader, vec![3, 4, 5]);
    assert_eq!(reader.current(), Some(3));
    let mut heard = vec![3];
    loop {
        let actions = reader.ended(token);
        match spoken(&actions) {
            Some((chunk, next)) => {
                heard.push(chunk);
                assert_ne!(next, token, "each utterance has its own token");
                token = next;
            }
            None => {
                assert_eq!(
                    actions,
                    [
                        Action::ChunkEnd { chunk: 5 },
                        Action::Finished(EndReason::Done)
                    ]
                );
                break;
            }
        }
    }
    assert_eq!(heard, [3, 4, 5]);
    assert_eq!(reader.status(), Status::Idle);
    assert_eq!(reader.current(), None);
}

#[test]
fn reports_with_an_old_token_are_ignored() {
    let mut reader = Reader::default();
    let first = started(&mut reader, vec![0, 1, 2]);
    let second = spoken(&reader.ended(first)).map(|(_, t)| t);
    assert!(second.is_some());
    // The first utterance reports again (an engine that says "end" and then
    // "error: interrupted"): nothing happens.
    assert!(reader.ended(first).is_empty());
    assert!(reader.failed(first).is_empty());
    assert!(reader.timed_out(first).is_empty());
    assert_eq!(reader.current(), Some(1));
}

#[test]
fn the_watchdog_cancels_and_goes_on() {
    let mut reader = Reader::default();
    let token = started(&mut reader, vec![7, 8]);
    let actions = reader.timed_out(token);
    assert_eq!(actions.first(), Some(&Action::Cancel));
    assert_eq!(actions.get(1), Some(&Action::ChunkEnd { chunk: 7 }));
    let (chunk, next) = spoken(&actions).unwrap_or_default();
    assert_eq!(chunk, 8);
    // The cancelled utterance's late "end" must not skip chunk 8.
    assert!(reader.ended(token).is_empty());
    assert_eq!(reader.current(), Some(8));
    assert_eq!(
        reader.timed_out(next),
        [
            Action::Cancel,
            Action::ChunkEnd { chunk: 8 },
            Action::Finished(EndReason::Done)
        ]
    );
}

#[test]
fn pause_cancels_and_resume_says_the_same_chunk_again() {
    let mut reader = Reader::default();
    let token = started(&mut reader, vec![0, 1]);
    assert_eq!(reader.pause(), [Action::Cancel]);
    assert_eq!(reader.status(), Status::Paused);
    assert!(reader.pause().is_empty(), "pausing twice does nothing");
    // The cancelled utterance reports its end: still paused, same chunk.
    assert!(reader.ended(token).is_empty());
    assert_eq!(reader.current(), Some(0));
    let (chunk, again) = spoken(&reader.resume()).unwrap_or_default();
    assert_eq!(chunk, 0);
    assert_ne!(again, token);
    assert_eq!(reader.status(), Status::Speaking);
    assert!(
        reader.resume().is_empty(),
        "resuming while speaking does nothing"
    );
}

#[test]
fn stop_cancels_and_ends_once() {
    let mut reader = Reader::default();
    let token = started(&mut reader, vec![0, 1]);
    assert_eq!(
        reader.stop(),
        [Action::Cancel, Action::Finished(EndReason::Stopped)]
    );
    assert!(reader.stop().is_empty());
    assert!(reader.ended(token).is_empty());
    assert!(reader.resume().is_empty());
    // Stopping a paused reading ends it too.
    started(&mut reader, vec![0]);
    reader.pause();
    assert_eq!(
        reader.stop(),
        [Action::Cancel, Action::Finished(EndReason::Stopped)]
    );
}

#[test]
fn an_engine_error_ends_the_reading() {
    let mut reader = Reader::default();
    let token = started(&mut reader, vec![0, 1]);
    assert_eq!(
        reader.failed(token),
        [Action::Cancel, Action::Finished(EndReason::Failed)]
    );
    assert_eq!(reader.status(), Status::Idle);
}

#[test]
fn starting_again_cancels_the_reading_under_way() {
    let mut reader = Reader::default();
    let old = started(&mut reader, vec![0, 1, 2]);
    let actions = reader.start(vec![9], 1.0, &[4]);
    assert_eq!(actions.first(), Some(&Action::Cancel));
    assert_eq!(spoken(&actions).map(|(c, _)| c), Some(9));
    assert!(reader.ended(old).is_empty());
    assert_eq!(
        reader.start(Vec::new(), 1.0, &[]),
        [Action::Cancel, Action::Finished(EndReason::Done)]
    );
}

#[test]
fn the_watchdog_scales_with_length_and_rate() {
    assert_eq!(watchdog_ms(0, 1.0), WATCHDOG_BASE_MS);
    assert_eq!(watchdog_ms(10, 1.0), 5_000);
    assert_eq!(watchdog_ms(10, 2.0), 3_500);
    assert_eq!(watchdog_ms(10, 0.5), 8_000);
    // 60 characters at the default rate: longer than the 15 s a network
    // voice may take, shorter than a minute.
    assert_eq!(watchdog_ms(60, 0.9), 22_000);
    assert_eq!(watchdog_ms(1_000_000, 1.0), WATCHDOG_MAX_MS);
    assert_eq!(watchdog_ms(10, f32::NAN), 5_000, "a bad rate counts as 1");
    assert_eq!(watchdog_ms(10, 0.0), 5_000);
    // The rate is clamped to 0.5–2 like the engine's.
    assert_eq!(watchdog_ms(10, 100.0), watchdog_ms(10, 2.0));
}

#[test]
fn the_rate_applies_to_the_next_utterance() {
    let mut reader = Reader::default();
    let token = started(&mut reader, vec![0, 1]);
    reader.set_rate(2.0);
    let next = reader.ended(token);
    assert!(next.contains(&Action::Speak {
        chunk: 1,
        token: token.wrapping_add(1),
        watchdog_ms: 3_500
    }));
}

#[test]
fn restarting_says_the_same_chunk_again_at_the_new_rate() {
    let mut reader = Reader::default();
    let first = started(&mut reader, vec![0, 1]);
    let second = spoken(&reader.ended(first)).map(|(_, t)| t).unwrap();
    reader.set_rate(2.0);
    let again = reader.restart();
    assert_eq!(
        again,
        [
            Action::Cancel,
            Action::Speak {
                chunk: 1,
                token: second.wrapping_add(1),
                watchdog_ms: 3_500
            }
        ]
    );
    // The cancelled utterance's late report changes nothing.
    assert!(reader.ended(second).is_empty());
    assert_eq!(reader.current(), Some(1));
    // Paused, stopped or idle: nothing to say again.
    reader.pause();
    assert!(reader.restart().is_empty());
    reader.stop();
    assert!(reader.restart().is_empty());
}

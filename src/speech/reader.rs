//! The read-aloud queue: which chunk is being spoken, and what the engine
//! must do when the reader or the engine acts. Pure logic, so that it is
//! tested natively; the browser layer only carries out the [`Action`]s.
//!
//! Every utterance gets a fresh token. An engine's report (end, error, the
//! watchdog's timeout) carries the token of the utterance it is about, and a
//! report with an old token is ignored: cancelling an utterance makes some
//! engines report its end or an error later, after the next one started.
//!
//! Pausing cancels the utterance and resuming speaks the same chunk again
//! from its start: the Web Speech API's own pause is unreliable (on Android
//! it often stops for good), and a host's server voice may have none; for a
//! listener, hearing the interrupted sentence again whole is no loss.
//!
//! ```
//! use yilan::speech::reader::{Action, Reader, Status};
//!
//! let mut reader = Reader::default();
//! let actions = reader.start(vec![0, 1], 1.0, &[4, 6]);
//! let Some(Action::Speak { chunk: 0, token, .. }) = actions.last().copied() else {
//!     panic!("speaks the first chunk: {actions:?}");
//! };
//! let next = reader.ended(token);
//! assert!(matches!(next.as_slice(), [Action::ChunkEnd { chunk: 0 }, Action::Speak { chunk: 1, .. }]));
//! assert_eq!(reader.status(), Status::Speaking);
//! ```

/// What the reader is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Not reading.
    #[default]
    Idle,
    /// An utterance is under way.
    Speaking,
    /// Stopped in the middle; [`Reader::resume`] speaks the chunk again.
    Paused,
}

impl Status {
    /// `idle`, `speaking` or `paused`, as JavaScript sees it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Speaking => "speaking",
            Status::Paused => "paused",
        }
    }
}

/// Why reading ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// Every chunk was read.
    Done,
    /// The reader or the host stopped it (or the page was hidden).
    Stopped,
    /// The engine failed; reading cannot go on with it.
    Failed,
}

impl EndReason {
    /// `done`, `stopped` or `failed`, as JavaScript sees it.
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Done => "done",
            EndReason::Stopped => "stopped",
            EndReason::Failed => "failed",
        }
    }
}

/// One thing the engine or the view must do, in the order given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Cancel whatever the engine is saying (and forget its reports).
    Cancel,
    /// Speak chunk number `chunk` (an index into the plan's chunks),
    /// highlight it, and arm a watchdog for `watchdog_ms`; the engine
    /// reports with `token`.
    Speak {
        chunk: usize,
        token: u32,
        watchdog_ms: u32,
    },
    /// Chunk number `chunk` has been spoken (or given up on).
    ChunkEnd { chunk: usize },
    /// Reading ended: clear the highlight, reset the controls.
    Finished(EndReason),
}

/// The watchdog's allowance before the first character.
pub const WATCHDOG_BASE_MS: u32 = 2_000;
/// The watchdog's allowance per spoken character at rate 1: Chinese voices
/// speak about four to five characters a second, so this is a margin of
/// about half again.
pub const WATCHDOG_PER_CHAR_MS: u32 = 300;
/// The longest the watchdog waits for one utterance.
pub const WATCHDOG_MAX_MS: u32 = 60_000;

/// How long an utterance of `chars` characters at `rate` may take before
/// the watchdog gives up on it: the engine has stopped without saying so
/// (Chrome's network voices stop after about fifteen seconds).
pub fn watchdog_ms(chars: usize, rate: f32) -> u32 {
    let rate = if rate.is_finite() && rate > 0.0 {
        rate.clamp(0.5, 2.0)
    } else {
        1.0
    };
    let chars = u32::try_from(chars).unwrap_or(u32::MAX);
    let speaking = f64::from(chars.saturating_mul(WATCHDOG_PER_CHAR_MS)) / f64::from(rate);
    let total = f64::from(WATCHDOG_BASE_MS) + speaking;
    if total >= f64::from(WATCHDOG_MAX_MS) {
        WATCHDOG_MAX_MS
    } else {
        // In range: 0 < total < WATCHDOG_MAX_MS.
        total as u32
    }
}

/// The queue of one reading: chunk numbers to speak, in order.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    /// Chunk numbers (indices into the plan's chunks), in reading order.
    queue: Vec<usize>,
    /// Characters of each queued chunk's spoken text, for the watchdog.
    lengths: Vec<usize>,
    /// Position in `queue` of the chunk being (or last) spoken.
    at: usize,
    status: Status,
    token: u32,
    rate: f32,
}

impl Reader {
    /// What the reader is doing.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The chunk number being spoken (or paused in), if any.
    pub fn current(&self) -> Option<usize> {
        match self.status {
            Status::Idle => None,
            _ => self.queue.get(self.at).copied(),
        }
    }

    /// The token of the utterance under way, if any.
    pub fn token(&self) -> Option<u32> {
        (self.status == Status::Speaking).then_some(self.token)
    }

    /// Starts reading `queue` (chunk numbers; `lengths` their spoken
    /// characters, in the same order) at `rate`, after cancelling any
    /// reading under way. An empty queue ends at once.
    pub fn start(&mut self, queue: Vec<usize>, rate: f32, lengths: &[usize]) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.status != Status::Idle {
            actions.push(Action::Cancel);
        }
        self.lengths = queue
            .iter()
            .enumerate()
            .map(|(i, _)| lengths.get(i).copied().unwrap_or(0))
            .collect();
        self.queue = queue;
        self.at = 0;
        self.rate = rate;
        if self.queue.is_empty() {
            self.status = Status::Idle;
            actions.push(Action::Finished(EndReason::Done));
            return actions;
        }
        actions.push(self.speak());
        actions
    }

    /// The engine finished the utterance `token`: the next chunk, or the end.
    pub fn ended(&mut self, token: u32) -> Vec<Action> {
        if self.token() != Some(token) {
            return Vec::new();
        }
        self.advance(Vec::new())
    }

    /// The watchdog of utterance `token` fired: the engine will not say it
    /// has finished, so cancel it and go on with the next chunk.
    pub fn timed_out(&mut self, token: u32) -> Vec<Action> {
        if self.token() != Some(token) {
            return Vec::new();
        }
        self.advance(vec![Action::Cancel])
    }

    /// The engine failed on utterance `token`: reading ends.
    pub fn failed(&mut self, token: u32) -> Vec<Action> {
        if self.token() != Some(token) {
            return Vec::new();
        }
        self.finish(EndReason::Failed)
    }

    /// Pauses: the utterance is cancelled; nothing when not speaking.
    pub fn pause(&mut self) -> Vec<Action> {
        if self.status != Status::Speaking {
            return Vec::new();
        }
        self.status = Status::Paused;
        self.token = self.token.wrapping_add(1);
        vec![Action::Cancel]
    }

    /// Resumes a pause: the paused chunk again from its start.
    pub fn resume(&mut self) -> Vec<Action> {
        if self.status != Status::Paused {
            return Vec::new();
        }
        vec![self.speak()]
    }

    /// Stops reading; nothing when not reading.
    pub fn stop(&mut self) -> Vec<Action> {
        if self.status == Status::Idle {
            return Vec::new();
        }
        self.finish(EndReason::Stopped)
    }

    /// Sets the rate for the utterances to come.
    pub fn set_rate(&mut self, rate: f32) {
        self.rate = rate;
    }

    /// Says the chunk being read again from its start (at a rate just
    /// chosen, so that the reader hears the change at once); nothing when
    /// not speaking.
    pub fn restart(&mut self) -> Vec<Action> {
        if self.status != Status::Speaking {
            return Vec::new();
        }
        vec![Action::Cancel, self.speak()]
    }

    fn speak(&mut self) -> Action {
        self.status = Status::Speaking;
        self.token = self.token.wrapping_add(1);
        let chars = self.lengths.get(self.at).copied().unwrap_or(0);
        Action::Speak {
            chunk: self.queue.get(self.at).copied().unwrap_or(0),
            token: self.token,
            watchdog_ms: watchdog_ms(chars, self.rate),
        }
    }

    /// The current chunk is done: on to the next, or the end.
    fn advance(&mut self, mut actions: Vec<Action>) -> Vec<Action> {
        if let Some(&chunk) = self.queue.get(self.at) {
            actions.push(Action::ChunkEnd { chunk });
        }
        self.at += 1;
        if self.at < self.queue.len() {
            actions.push(self.speak());
        } else {
            self.status = Status::Idle;
            self.token = self.token.wrapping_add(1);
            actions.push(Action::Finished(EndReason::Done));
        }
        actions
    }

    fn finish(&mut self, reason: EndReason) -> Vec<Action> {
        self.status = Status::Idle;
        self.token = self.token.wrapping_add(1);
        vec![Action::Cancel, Action::Finished(reason)]
    }
}

#[cfg(test)]
mod tests;

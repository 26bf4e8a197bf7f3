//! Native benchmarks of the pipeline, stage by stage: `parse_text`, `render`,
//! `speech_plan` and `parse_json`, each on the reference document, the other
//! text fixtures, generated documents of 100 KB, 1 MB and 10 MB, and the
//! pathological shapes; with the feature `html`, `parse_html` and
//! `parse_encoded` on the HTML fixtures, generated pages and 100,000 nested
//! elements. Throughput is in bytes of the stage's input text
//! (page text; for `parse_json` the model JSON), so MB/s at 100 KB, 1 MB and
//! 10 MB shows how the cost grows with size. See benches/README.md.
//!
//! `YILAN_BENCH_ONCE=<stage>/<input id>` runs that stage once on that input
//! and exits, for profilers (callgrind counts the instructions of
//! `run_stage_once` alone with `--toggle-collect=*run_stage*`);
//! `YILAN_BENCH_ONCE_RUNS=<n>` runs it n times instead, so that what a first
//! run alone does (tables built on first use) weighs as little as in a
//! warmed benchmark;
//! `YILAN_BENCH_WRITE=<dir>` writes every input out as page text.
//! `YILAN_BENCH_SCALING=<stage>[,<stage>…]` (or `all`) times the generated
//! inputs of 100 KB, 1 MB and 10 MB in turns and prints the time ratios.

mod support;

use std::any::Any;
use std::cell::OnceCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};
use yilan::{parse_json, parse_text, render, speech_plan, Document, RenderOptions, SpeechOptions};

use support::corpus::{self, Input};

/// One input, made the first time a benchmark that is not filtered out
/// needs it, and its documents and their JSON, made the first time a stage
/// other than `parse_text` needs them.
struct Lazy {
    id: &'static str,
    input: OnceCell<Input>,
    model: OnceCell<Model>,
}

/// What the stages after parsing read.
struct Model {
    docs: Vec<Document>,
    jsons: Vec<String>,
}

impl Lazy {
    fn new(id: &'static str) -> Lazy {
        Lazy {
            id,
            input: OnceCell::new(),
            model: OnceCell::new(),
        }
    }

    fn input(&self) -> &Input {
        self.input.get_or_init(|| {
            corpus::input(self.id)
                .unwrap_or_else(|| panic!("no input {}; one of {:?}", self.id, corpus::IDS))
        })
    }

    fn model(&self) -> &Model {
        self.model.get_or_init(|| {
            let docs: Vec<Document> = self.input().texts.iter().map(|t| parse_text(t)).collect();
            let jsons = docs
                .iter()
                .map(|d| serde_json::to_string(d).expect("a document serialises"))
                .collect();
            Model { docs, jsons }
        })
    }

    /// Makes what `stage` reads, outside the timing.
    fn prepare(&self, stage: &str) {
        if stage == "parse_text" {
            self.input();
        } else {
            self.model();
        }
    }

    /// The bytes a stage reads: the page text, or for `parse_json` the JSON.
    fn bytes(&self, stage: &str) -> u64 {
        if stage == "parse_json" {
            self.model().jsons.iter().map(|j| j.len() as u64).sum()
        } else {
            self.input().bytes()
        }
    }
}

/// The stages, by benchmark group name.
const STAGES: &[&str] = &["parse_text", "render", "speech_plan", "parse_json"];

/// What a stage made from one text, handed to a sink that drops it at once
/// or holds it until a timing has ended.
type Output = Box<dyn Any>;

/// A run of a stage on a prepared input, its outputs handed to the sink.
type Run = Box<dyn Fn(&mut dyn FnMut(Output))>;

/// Runs one stage over every text of the input, each output dropped before
/// the next text.
#[inline(never)]
fn run_stage(stage: &str, lazy: &Lazy) {
    each_output(stage, lazy, &mut drop_output);
}

/// The sink that drops each output at once. A function of its own, not a
/// closure inside `run_stage_once`: callgrind's
/// `--toggle-collect=*run_stage*` switches counting on and off at every
/// function whose name matches, and a closure's name carries its parent's.
fn drop_output(output: Output) {
    drop(black_box(output));
}

/// Runs one stage over every text of the input, handing each output to
/// `sink`.
fn each_output(stage: &str, lazy: &Lazy, sink: &mut dyn FnMut(Output)) {
    match stage {
        "parse_text" => {
            for t in &lazy.input().texts {
                sink(Box::new(parse_text(black_box(t))));
            }
        }
        "render" => {
            let options = RenderOptions::default();
            for d in &lazy.model().docs {
                sink(Box::new(render(black_box(d), &options)));
            }
        }
        "speech_plan" => {
            let options = SpeechOptions::default();
            for d in &lazy.model().docs {
                sink(Box::new(speech_plan(black_box(d), &options)));
            }
        }
        "parse_json" => {
            for j in &lazy.model().jsons {
                sink(Box::new(parse_json(black_box(j))));
            }
        }
        _ => panic!("unknown stage {stage}; one of {STAGES:?}"),
    }
}

/// Sampling fitted to the input: small inputs get many samples, large ones
/// ten flat samples, so a full `cargo bench` stays within minutes.
fn tune(group: &mut BenchmarkGroup<'_, WallTime>, bytes: u64) {
    if bytes >= 500_000 {
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
    } else {
        group
            .sampling_mode(SamplingMode::Auto)
            .sample_size(30)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
    }
}

fn benches(c: &mut Criterion, inputs: &[Lazy]) {
    for &stage in STAGES {
        let mut group = c.benchmark_group(stage);
        for lazy in inputs {
            // Throughput and sampling are set before the benchmark runs and
            // depend on the input's size: the text is made here, but parsing
            // waits for a benchmark that runs (unless it is the JSON's size).
            let bytes = lazy.bytes(stage);
            tune(&mut group, bytes);
            group.throughput(Throughput::Bytes(bytes));
            group.bench_function(lazy.id, |b| {
                lazy.prepare(stage);
                b.iter(|| run_stage(stage, lazy));
            });
        }
        group.finish();
    }

    #[cfg(feature = "html")]
    html_stages::benches(c);
}

/// The HTML front end (feature `html`): `parse_html` (html5ever and the
/// pipeline, from the page's HTML) and `parse_encoded` (the pipeline from
/// the event stream the browser's walker hands the wasm build, prepared
/// here with html5ever and `events::encode`).
#[cfg(feature = "html")]
mod html_stages {
    use std::cell::OnceCell;
    use std::hint::black_box;

    use criterion::{Criterion, Throughput};
    use yilan::parse::html::{events, native};
    use yilan::{parse_encoded, parse_html, HtmlOptions};

    use super::support::html;
    use super::tune;

    /// The stages, by benchmark group name.
    pub const STAGES: &[&str] = &["parse_html", "parse_encoded"];

    /// One HTML input and its encoded event stream, made when first needed.
    pub struct Lazy {
        id: &'static str,
        page: OnceCell<String>,
        encoded: OnceCell<String>,
    }

    impl Lazy {
        pub fn new(id: &'static str) -> Lazy {
            Lazy {
                id,
                page: OnceCell::new(),
                encoded: OnceCell::new(),
            }
        }

        fn page(&self) -> &str {
            self.page.get_or_init(|| {
                html::input(self.id)
                    .unwrap_or_else(|| panic!("no HTML input {}; one of {:?}", self.id, html::IDS))
            })
        }

        fn encoded(&self) -> &str {
            self.encoded
                .get_or_init(|| events::encode(&native::events(self.page()).0))
        }

        /// The bytes a stage reads: the HTML, or the encoded events.
        pub fn bytes(&self, stage: &str) -> u64 {
            let read = if stage == "parse_encoded" {
                self.encoded()
            } else {
                self.page()
            };
            read.len() as u64
        }
    }

    /// Runs one stage on the page; the document is dropped before it
    /// returns.
    #[inline(never)]
    pub fn run_stage(stage: &str, lazy: &Lazy) -> usize {
        output(stage, lazy).body.len()
    }

    /// Runs one stage on the page.
    fn output(stage: &str, lazy: &Lazy) -> yilan::Document {
        let options = HtmlOptions::default();
        match stage {
            "parse_html" => parse_html(black_box(lazy.page()), &options),
            "parse_encoded" => parse_encoded(black_box(lazy.encoded()), &options),
            _ => panic!("unknown stage {stage}; one of {STAGES:?}"),
        }
    }

    pub fn benches(c: &mut Criterion) {
        let inputs: Vec<Lazy> = html::IDS.iter().map(|&id| Lazy::new(id)).collect();
        for &stage in STAGES {
            let mut group = c.benchmark_group(stage);
            for lazy in &inputs {
                let bytes = lazy.bytes(stage);
                tune(&mut group, bytes);
                group.throughput(Throughput::Bytes(bytes));
                group.bench_function(lazy.id, |b| {
                    lazy.bytes(stage);
                    b.iter(|| run_stage(stage, lazy));
                });
            }
            group.finish();
        }
    }

    /// The HTML input `id` and a run of `stage` on it (the input made on
    /// the first run): `None` for another stage.
    pub fn runner(stage: &str, id: &'static str) -> Option<(u64, super::Run)> {
        if !STAGES.contains(&stage) {
            return None;
        }
        let stage = STAGES.iter().copied().find(|&known| known == stage)?;
        let lazy = Lazy::new(id);
        let bytes = lazy.bytes(stage);
        Some((
            bytes,
            Box::new(move |sink| sink(Box::new(output(stage, &lazy)))),
        ))
    }

    /// Writes every HTML input to `dir`.
    pub fn write(dir: &str) {
        for id in html::IDS {
            let page = html::input(id).expect("a known HTML input id");
            let path = std::path::Path::new(dir).join(format!("{}.html", id.replace('/', "--")));
            std::fs::write(&path, page).expect("write input");
        }
    }
}

/// `YILAN_BENCH_ONCE=<stage>/<input id>`: one run (or
/// `YILAN_BENCH_ONCE_RUNS`), for profilers.
fn once(spec: &str) {
    let (stage, id) = spec
        .split_once('/')
        .expect("YILAN_BENCH_ONCE=<stage>/<input id>");
    let runs: usize = std::env::var("YILAN_BENCH_ONCE_RUNS")
        .ok()
        .map(|n| n.parse().expect("YILAN_BENCH_ONCE_RUNS=<number of runs>"))
        .unwrap_or(1);
    let (bytes, run) = runner(stage_named(stage), id_named(id));
    for _ in 0..runs {
        run_stage_once(&run);
    }
    eprintln!("{stage} on {id}: {bytes} bytes, {runs} run(s)");
}

/// One run for profilers: everything in `run_stage_once` is the stage's
/// work, the outputs' drop included.
#[inline(never)]
fn run_stage_once(run: &Run) {
    run(&mut drop_output);
}

/// The HTML stages and inputs, with the feature `html`.
#[cfg(feature = "html")]
const HTML: [&[&str]; 2] = [html_stages::STAGES, support::html::IDS];
#[cfg(not(feature = "html"))]
const HTML: [&[&str]; 2] = [&[], &[]];

/// Every stage, the HTML ones with the feature `html`.
fn all_stages() -> Vec<&'static str> {
    STAGES.iter().chain(HTML[0]).copied().collect()
}

/// The stage called `name`.
fn stage_named(name: &str) -> &'static str {
    named(&all_stages(), name, "stage")
}

/// The input called `name`, text or HTML (which one a stage reads decides).
fn id_named(name: &str) -> &'static str {
    let ids: Vec<&'static str> = corpus::IDS.iter().chain(HTML[1]).copied().collect();
    named(&ids, name, "input")
}

/// The entry of `known` equal to `name`; a `what` of another name stops the run.
fn named(known: &[&'static str], name: &str, what: &str) -> &'static str {
    known
        .iter()
        .copied()
        .find(|&entry| entry == name)
        .unwrap_or_else(|| panic!("no {what} {name}; one of {known:?}"))
}

/// The generated inputs of the scaling measure, each ten times the one before.
const SCALING_IDS: [&str; 3] = ["generated/100KB", "generated/1MB", "generated/10MB"];
/// Runs per timing of each size: about the same time for the three.
const SCALING_RUNS: [u32; 3] = [100, 10, 1];

/// `YILAN_BENCH_SCALING=<stage>[,<stage>…]` or `all`: for each stage, the
/// three generated sizes timed in turns, round after round
/// (`YILAN_BENCH_ROUNDS`, 11 by default), so that a change in the
/// machine's speed falls on the three alike; prints each size's median time
/// per run and MB/s, and the median over the rounds of each round's time
/// ratio from one size to the next with the ratio of their bytes. The
/// target: ten times the input in at most eleven times the time.
///
/// Each run is timed twice: to the end of dropping what it made (the
/// stage's whole cost, as the other benchmarks count it) and to the moment
/// it hands its output over (the stage alone: a caller keeps the document
/// and frees it later, in a memory of its own making).
fn scaling(spec: &str) {
    let stages: Vec<&'static str> = if spec == "all" {
        all_stages()
    } else {
        spec.split(',').map(stage_named).collect()
    };
    let rounds: usize = std::env::var("YILAN_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(11);
    for stage in stages {
        let runners: Vec<(u64, Run)> = SCALING_IDS.iter().map(|&id| runner(stage, id)).collect();
        // Each input made and run once before any timing.
        for (_, run) in &runners {
            run(&mut drop_output);
        }
        // Per size, per round: (with the drop, without it), per run.
        let mut times: [Vec<(f64, f64)>; 3] = Default::default();
        let mut held: Vec<Output> = Vec::new();
        for round in 0..rounds {
            for k in 0..3 {
                let size = (round + k) % 3;
                let (Some((_, run)), Some(&runs)) = (runners.get(size), SCALING_RUNS.get(size))
                else {
                    continue;
                };
                let (mut whole, mut alone) = (Duration::ZERO, Duration::ZERO);
                for _ in 0..runs {
                    let start = Instant::now();
                    run(&mut |output| held.push(output));
                    let made = Instant::now();
                    held.clear();
                    let freed = Instant::now();
                    alone += made - start;
                    whole += freed - start;
                }
                let per_run = |d: Duration| d.as_secs_f64() / f64::from(runs);
                times[size].push((per_run(whole), per_run(alone)));
            }
        }
        println!("{stage}");
        for (size, (id, (bytes, _))) in SCALING_IDS.iter().zip(&runners).enumerate() {
            let whole = median(times[size].iter().map(|t| t.0).collect());
            let alone = median(times[size].iter().map(|t| t.1).collect());
            println!(
                "  {id:<18} {:>10.3} ms {:>8.1} MB/s   without the drop {:>10.3} ms",
                whole * 1e3,
                *bytes as f64 / whole / 1e6,
                alone * 1e3
            );
        }
        for size in 1..3 {
            let bytes = runners[size].0 as f64 / runners[size - 1].0 as f64;
            for (what, pick) in [
                ("time", (|t: &(f64, f64)| t.0) as fn(&(f64, f64)) -> f64),
                ("without the drop", |t: &(f64, f64)| t.1),
            ] {
                let ratios: Vec<f64> = times[size]
                    .iter()
                    .zip(&times[size - 1])
                    .map(|(big, small)| pick(big) / pick(small))
                    .collect();
                println!(
                    "  {} → {}: {what} {:.2}× for {:.2}× the bytes (rounds {:.2}–{:.2}×)",
                    SCALING_IDS[size - 1],
                    SCALING_IDS[size],
                    median(ratios.clone()),
                    bytes,
                    ratios.iter().copied().fold(f64::INFINITY, f64::min),
                    ratios.iter().copied().fold(0.0, f64::max),
                );
            }
        }
    }
}

/// A run of `stage` on the input `id`, prepared, and the bytes it reads.
fn runner(stage: &'static str, id: &'static str) -> (u64, Run) {
    #[cfg(feature = "html")]
    if let Some(runner) = html_stages::runner(stage, id) {
        return runner;
    }
    let lazy = Lazy::new(id);
    lazy.prepare(stage);
    (
        lazy.bytes(stage),
        Box::new(move |sink| each_output(stage, &lazy, sink)),
    )
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// `YILAN_BENCH_WRITE=<dir>`: every input written out as page text (a
/// group's texts numbered), to look at or to feed to `yilan parse`.
fn write_inputs(dir: &str) {
    std::fs::create_dir_all(dir).expect("output directory");
    for id in corpus::IDS {
        let input = corpus::input(id).expect("a known input id");
        let name = id.replace('/', "--");
        for (n, text) in input.texts.iter().enumerate() {
            let path = std::path::Path::new(dir).join(format!("{name}--{n:02}.txt"));
            std::fs::write(&path, text).expect("write input");
        }
    }
    #[cfg(feature = "html")]
    html_stages::write(dir);
}

fn main() {
    if let Ok(dir) = std::env::var("YILAN_BENCH_WRITE") {
        write_inputs(&dir);
        return;
    }
    if let Ok(spec) = std::env::var("YILAN_BENCH_ONCE") {
        once(&spec);
        return;
    }
    if let Ok(spec) = std::env::var("YILAN_BENCH_SCALING") {
        scaling(&spec);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    let inputs: Vec<Lazy> = corpus::IDS.iter().map(|&id| Lazy::new(id)).collect();
    benches(&mut c, &inputs);
    c.final_summary();
}

//! Native benchmarks of the pipeline, stage by stage: `parse_text`, `render`,
//! `speech_plan` and `parse_json`, each on the reference document, the other
//! text fixtures, generated documents of 100 KB, 1 MB and 10 MB, and the
//! pathological shapes. Throughput is in bytes of the stage's input text
//! (page text; for `parse_json` the model JSON), so MB/s at 100 KB, 1 MB and
//! 10 MB shows how the cost grows with size. See benches/README.md.
//!
//! `YILAN_BENCH_ONCE=<stage>/<input id>` runs that stage once on that input
//! and exits, for profilers (callgrind counts the instructions of
//! `run_stage` alone with `--toggle-collect=*run_stage*`);
//! `YILAN_BENCH_WRITE=<dir>` writes every input out as page text.

mod support;

use std::cell::OnceCell;
use std::hint::black_box;
use std::time::Duration;

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

/// Runs one stage over every text of the input; returns something to keep.
#[inline(never)]
fn run_stage(stage: &str, lazy: &Lazy) -> usize {
    let mut n = 0;
    match stage {
        "parse_text" => {
            for t in &lazy.input().texts {
                n += parse_text(black_box(t)).body.len();
            }
        }
        "render" => {
            let options = RenderOptions::default();
            for d in &lazy.model().docs {
                n += render(black_box(d), &options).len();
            }
        }
        "speech_plan" => {
            let options = SpeechOptions::default();
            for d in &lazy.model().docs {
                n += speech_plan(black_box(d), &options).len();
            }
        }
        "parse_json" => {
            for j in &lazy.model().jsons {
                n += parse_json(black_box(j)).map_or(0, |d| d.body.len());
            }
        }
        _ => panic!("unknown stage {stage}; one of {STAGES:?}"),
    }
    n
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

    // ---- parse_html: to be added with the HTML front end ------------------
    // When `yilan::parse_html` exists, add a `parse_html` group here over the
    // HTML fixtures (tests/fixtures/html/*.html, one benchmark each: 03 is the
    // 300 KB page) and over generated pages, with `Throughput::Bytes` of the
    // HTML, tuned by `tune` like the others; add the stage to `STAGES` and
    // `run_stage` so `YILAN_BENCH_ONCE=parse_html/...` profiles it too.
}

/// `YILAN_BENCH_ONCE=<stage>/<input id>`: one run, for profilers.
fn once(spec: &str) {
    let (stage, id) = spec
        .split_once('/')
        .expect("YILAN_BENCH_ONCE=<stage>/<input id>");
    let id = corpus::IDS
        .iter()
        .find(|&&known| known == id)
        .unwrap_or_else(|| panic!("no input {id}; one of {:?}", corpus::IDS));
    let lazy = Lazy::new(id);
    lazy.prepare(stage);
    let n = run_stage(stage, &lazy);
    eprintln!("{stage} on {id}: {} bytes, result {n}", lazy.bytes(stage));
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
    let mut c = Criterion::default().configure_from_args();
    let inputs: Vec<Lazy> = corpus::IDS.iter().map(|&id| Lazy::new(id)).collect();
    benches(&mut c, &inputs);
    c.final_summary();
}

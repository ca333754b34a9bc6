//! Generates N synthetic articles (default 100,000) on one thread and prints the time,
//! the throughput and the size distribution:
//! `cargo run --release -p cadre-synth --example synth_speed -- 100000 [seed]`.
//! With `--print I`, prints article I instead.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--print") {
        let index = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
        print!("{}", cadre_synth::article(seed, index).text);
        return;
    }
    let n: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
    let start = Instant::now();
    let mut sizes: Vec<usize> = (0..n)
        .map(|i| cadre_synth::article(seed, i).text.len())
        .collect();
    let elapsed = start.elapsed();
    sizes.sort_unstable();
    let total: usize = sizes.iter().sum();
    let pct = |p: usize| sizes[(sizes.len() - 1) * p / 100];
    println!(
        "{n} articles in {:.2} s ({:.0} articles/s, {:.1} MB/s); bytes min {} p10 {} p50 {} p90 {} max {} mean {}",
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        total as f64 / 1e6 / elapsed.as_secs_f64(),
        sizes[0],
        pct(10),
        pct(50),
        pct(90),
        sizes[sizes.len() - 1],
        total / sizes.len(),
    );
}

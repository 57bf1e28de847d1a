//! Simulated minutes per second on one core: `cargo bench --bench physiology`.
//! The figure goes to docs/performance.md (target: 10 million or more).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use famulant::patient::{Case, Intervention, Physiology};

/// One simulated day of the treated course (scenario D's orders).
fn treated_day() -> Case {
    let mut case = Case::new();
    for minute in 0..24 * 60 {
        match minute {
            5 => drop(case.order(Intervention::Crystalloid {
                ml: 1950.0,
                over_min: 60,
            })),
            20 => drop(case.order(Intervention::Antibiotics { adequate: true })),
            70 => drop(case.order(Intervention::Norepinephrine { dose: 0.1 })),
            90 => drop(case.order(Intervention::Surgery { minutes: 90 })),
            480 => drop(case.order(Intervention::Norepinephrine { dose: 0.0 })),
            _ => {}
        }
        case.step();
    }
    case
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("physiology");
    group.throughput(Throughput::Elements(24 * 60));
    group.bench_function("body: one simulated day, minute by minute", |b| {
        b.iter(|| {
            let mut body = Physiology::arrival();
            body.order(Intervention::Antibiotics { adequate: true });
            for _ in 0..24 * 60 {
                body.step();
            }
            black_box(body)
        })
    });
    group.bench_function("case: one treated day with orders and labs", |b| {
        b.iter(|| black_box(treated_day()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

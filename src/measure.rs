//! Measurements for benchmarks: how long the first frame took (logged by
//! every window, the game's and the empty one it is compared with), and
//! frame times (`famulant play --measure-frames SECONDS`): after a warm-up,
//! records how long each frame took, then prints the figures and quits.

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy::winit::WinitSettings;

use crate::pacing::Paced;

/// Logs `first frame after N ms`: the time from launch to the first frame.
/// Rendering runs one update behind the game logic, so the first frame is
/// on screen when the second update ends.
pub fn first_frame_plugin(app: &mut App) {
    app.insert_resource(LaunchedAt(Instant::now()))
        .add_systems(Last, log_first_frame);
}

/// When the app was launched.
#[derive(Resource, Clone, Copy, Debug)]
struct LaunchedAt(Instant);

fn log_first_frame(launched: Res<LaunchedAt>, mut updates: Local<u32>) {
    *updates += 1;
    if *updates == 2 {
        info!("first frame after {} ms", launched.0.elapsed().as_millis());
    }
}

/// Seconds the measurement waits before it records, for loading and the
/// first frames.
const WARM_UP: f32 = 5.0;

/// Frame durations being recorded.
#[derive(Resource, Debug)]
pub struct FrameMeasure {
    seconds: f32,
    started: Option<f32>,
    frames: Vec<f32>,
}

impl FrameMeasure {
    /// Measures for `seconds` after the warm-up.
    pub fn for_seconds(seconds: f32) -> Self {
        Self {
            seconds,
            started: None,
            frames: Vec::new(),
        }
    }
}

/// Frame-time figures: count, median, 95th percentile, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameStats {
    /// Frames measured.
    pub frames: usize,
    /// The median frame, ms.
    pub median_ms: f32,
    /// The 95th percentile, ms.
    pub p95_ms: f32,
}

impl FrameStats {
    /// The figures of these frame durations (seconds).
    pub fn of(frames: &[f32]) -> Option<FrameStats> {
        if frames.is_empty() {
            return None;
        }
        let mut sorted = frames.to_vec();
        sorted.sort_by(f32::total_cmp);
        let at = |q: f32| sorted[((sorted.len() - 1) as f32 * q).round() as usize] * 1000.0;
        Some(FrameStats {
            frames: sorted.len(),
            median_ms: at(0.5),
            p95_ms: at(0.95),
        })
    }
}

/// Records frames while a [`FrameMeasure`] resource exists; then prints
/// `frames: N, median M ms, p95 P ms` to standard output and quits. Frames
/// are drawn flat out meanwhile, not paced, so that their cost shows.
pub fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings::continuous())
        .add_systems(Startup, |mut commands: Commands| {
            commands.remove_resource::<Paced>();
        })
        .add_systems(Last, record.run_if(resource_exists::<FrameMeasure>));
}

fn record(
    time: Res<Time<Real>>,
    mut measure: ResMut<FrameMeasure>,
    mut exit: MessageWriter<AppExit>,
) {
    let now = time.elapsed_secs();
    if now < WARM_UP {
        return;
    }
    let started = *measure.started.get_or_insert(now);
    measure.frames.push(time.delta_secs());
    if now - started >= measure.seconds {
        if let Some(stats) = FrameStats::of(&measure.frames) {
            println!(
                "frames: {}, median {:.1} ms, p95 {:.1} ms",
                stats.frames, stats.median_ms, stats.p95_ms
            );
        }
        exit.write(AppExit::Success);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_of_frame_times() {
        let frames: Vec<f32> = (1..=100).map(|i| i as f32 / 1000.0).collect();
        let stats = FrameStats::of(&frames).unwrap();
        assert_eq!(stats.frames, 100);
        assert!((stats.median_ms - 51.0).abs() < 1.01, "{stats:?}");
        assert!((stats.p95_ms - 95.0).abs() < 1.01, "{stats:?}");
        assert_eq!(FrameStats::of(&[]), None);
    }
}

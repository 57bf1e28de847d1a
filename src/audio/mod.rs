//! Sound: the monitor's beep with every heartbeat (its pitch falling with
//! the saturation), alarm melodies by priority, and each room's quiet tone.
//! Synthesised at start (`synth.rs`), played through Bevy's audio; without
//! an audio device the game runs silent.

mod synth;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bevy::audio::{
    AddAudioSource, ChannelCount, Decodable, PlaybackSettings, SampleRate, Source, Volume,
};
use bevy::prelude::*;

use crate::content::{AmbienceDef, MonitorView};
use crate::patient::{Case, Mentation, Patient, active};
use crate::screen::Screen;
use crate::settings::Settings;
use crate::story::Story;

/// Seconds between repeats of a high-priority alarm.
const HIGH_REPEAT: f32 = 6.0;
/// Seconds between repeats of a medium-priority alarm.
const MEDIUM_REPEAT: f32 = 12.0;

pub(super) fn plugin(app: &mut App) {
    app.add_audio_source::<Tone>()
        .init_resource::<Pulse>()
        .add_systems(Startup, make_sounds)
        .add_systems(
            Update,
            (beat, alarm, room_tone, follow_volume).run_if(in_state(Screen::Playing)),
        );
}

/// A synthesised sound: mono samples at [`synth::SAMPLE_RATE`].
#[derive(Asset, TypePath, Clone)]
pub struct Tone(Arc<[f32]>);

/// Plays a [`Tone`].
pub struct ToneDecoder {
    samples: Arc<[f32]>,
    at: usize,
}

impl Iterator for ToneDecoder {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        let sample = self.samples.get(self.at).copied();
        self.at += 1;
        sample
    }
}

impl Source for ToneDecoder {
    fn current_span_len(&self) -> Option<usize> {
        Some(self.samples.len().saturating_sub(self.at))
    }

    fn channels(&self) -> ChannelCount {
        ChannelCount::MIN
    }

    fn sample_rate(&self) -> SampleRate {
        SampleRate::new(synth::SAMPLE_RATE).unwrap_or(SampleRate::MIN)
    }

    fn total_duration(&self) -> Option<Duration> {
        Some(Duration::from_secs_f64(
            self.samples.len() as f64 / f64::from(synth::SAMPLE_RATE),
        ))
    }
}

impl Decodable for Tone {
    type Decoder = ToneDecoder;

    fn decoder(&self) -> ToneDecoder {
        ToneDecoder {
            samples: self.0.clone(),
            at: 0,
        }
    }
}

/// The sounds, made once.
#[derive(Resource)]
struct Sounds {
    /// Beeps from [`synth::LOWEST_PITCHED_SPO2`] to 100 % saturation.
    beeps: Vec<Handle<Tone>>,
    high: Handle<Tone>,
    medium: Handle<Tone>,
    /// Room tones by hum frequency.
    rooms: HashMap<u32, Handle<Tone>>,
}

fn make_sounds(mut commands: Commands, mut tones: ResMut<Assets<Tone>>) {
    let mut add = |samples: Vec<f32>| tones.add(Tone(samples.into()));
    let beeps = (synth::LOWEST_PITCHED_SPO2..=100)
        .map(|spo2| add(synth::beep(f64::from(spo2))))
        .collect();
    let high = add(synth::alarm_high());
    let medium = add(synth::alarm_medium());
    commands.insert_resource(Sounds {
        beeps,
        high,
        medium,
        rooms: HashMap::new(),
    });
}

/// Where the heart is in its beat, and how long since an alarm sounded.
#[derive(Resource, Default)]
struct Pulse {
    phase: f32,
    since_alarm: f32,
}

/// Whether the player is at the bed, where the monitor can be heard.
fn monitor_on(story: &Story) -> bool {
    story
        .scene()
        .is_some_and(|scene| scene.def.monitor == MonitorView::Bedside)
}

fn once(volume: f32) -> PlaybackSettings {
    PlaybackSettings::DESPAWN.with_volume(Volume::Linear(volume))
}

/// A beep with every heartbeat while the monitor is on.
fn beat(
    mut commands: Commands,
    time: Res<Time>,
    story: Res<Story>,
    settings: Res<Settings>,
    sounds: Option<Res<Sounds>>,
    patient: Single<&Case, With<Patient>>,
    mut pulse: ResMut<Pulse>,
) {
    let patient = &patient.vitals;
    let (Some(sounds), true) = (sounds, monitor_on(&story)) else {
        return;
    };
    if patient.mentation == Mentation::Dead {
        return;
    }
    pulse.phase += time.delta_secs() * patient.hr as f32 / 60.0;
    if pulse.phase < 1.0 {
        return;
    }
    pulse.phase = pulse.phase.fract();
    let step = (patient.spo2.round() as u32).clamp(synth::LOWEST_PITCHED_SPO2, 100)
        - synth::LOWEST_PITCHED_SPO2;
    let volume = settings.volume * settings.monitor_volume;
    if volume > 0.0 {
        commands.spawn((
            Name::new("Beep"),
            AudioPlayer(sounds.beeps[step as usize].clone()),
            once(volume),
            DespawnOnExit(Screen::Playing),
        ));
    }
}

/// The alarm melody while an alarm is on: red alarms often, yellow ones
/// less often.
fn alarm(
    mut commands: Commands,
    time: Res<Time>,
    story: Res<Story>,
    settings: Res<Settings>,
    sounds: Option<Res<Sounds>>,
    patient: Single<&Case, With<Patient>>,
    mut pulse: ResMut<Pulse>,
) {
    let Some(sounds) = sounds else { return };
    let patient = &patient.vitals;
    let alarms = active(patient, patient.mentation != Mentation::Dead);
    let Some(first) = alarms.first().filter(|_| monitor_on(&story)) else {
        pulse.since_alarm = f32::MAX;
        return;
    };
    pulse.since_alarm += time.delta_secs();
    let (sound, repeat) = if first.urgent() {
        (&sounds.high, HIGH_REPEAT)
    } else {
        (&sounds.medium, MEDIUM_REPEAT)
    };
    if pulse.since_alarm < repeat {
        return;
    }
    pulse.since_alarm = 0.0;
    let volume = settings.volume * settings.monitor_volume;
    if volume > 0.0 {
        commands.spawn((
            Name::new("Alarm"),
            AudioPlayer(sound.clone()),
            once(volume),
            DespawnOnExit(Screen::Playing),
        ));
    }
}

/// The room tone playing now: the room's id and ambience (props may change
/// under it without restarting it).
#[derive(Component)]
struct RoomTone(String, AmbienceDef);

/// Plays the room's tone, looping; another room, another tone.
fn room_tone(
    mut commands: Commands,
    story: Res<Story>,
    settings: Res<Settings>,
    sounds: Option<ResMut<Sounds>>,
    mut tones: ResMut<Assets<Tone>>,
    playing: Query<(Entity, &RoomTone)>,
) {
    let Some(mut sounds) = sounds else { return };
    let Some(room) = story.room() else {
        return;
    };
    if playing
        .iter()
        .any(|(_, tone)| tone.0 == room.id && tone.1 == room.ambience)
    {
        return;
    }
    for (entity, _) in &playing {
        commands.entity(entity).despawn();
    }
    let hum = room.ambience.hum.round() as u32;
    let handle = sounds
        .rooms
        .entry(hum)
        .or_insert_with(|| tones.add(Tone(synth::room_tone(hum as f32).into())))
        .clone();
    commands.spawn((
        Name::new(format!("Room tone {}", room.id)),
        RoomTone(room.id.clone(), room.ambience.clone()),
        AudioPlayer(handle),
        PlaybackSettings::LOOP.with_volume(Volume::Linear(room_volume(&settings, &room.ambience))),
        DespawnOnExit(Screen::Playing),
    ));
}

fn room_volume(settings: &Settings, ambience: &AmbienceDef) -> f32 {
    (settings.volume * settings.ambience_volume * ambience.level).clamp(0.0, 1.0)
}

/// Applies changed volume settings to the room tone already playing.
fn follow_volume(settings: Res<Settings>, mut playing: Query<(&RoomTone, &mut AudioSink)>) {
    if !settings.is_changed() {
        return;
    }
    for (tone, mut sink) in &mut playing {
        sink.set_volume(Volume::Linear(room_volume(&settings, &tone.1)));
    }
}

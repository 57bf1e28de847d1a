//! Messages that change the settings, and saving them when they change.

use bevy::prelude::*;

use super::{EdgeSmoothing, Settings, SettingsStore, TimerMode};
use crate::content::Lang;

/// The player picked a language.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetLanguage(pub Lang);

/// Which volume a [`SetVolume`] sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VolumeOf {
    /// Everything.
    All,
    /// The monitor's beeps and alarms.
    Monitor,
    /// The rooms' background sound.
    Ambience,
}

/// The player moved a volume slider.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetVolume(pub VolumeOf, pub f32);

/// The player turned flashing alarms on or off.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetAlarmFlashing(pub bool);

/// The player picked whether edges are smoothed.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetSmoothEdges(pub EdgeSmoothing);

/// The player picked how much time decisions give.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct SetTimers(pub TimerMode);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .add_message::<SetLanguage>()
        .add_message::<SetAlarmFlashing>()
        .add_message::<SetVolume>()
        .add_message::<SetSmoothEdges>()
        .add_message::<SetTimers>()
        .add_systems(
            Update,
            (
                (
                    set_language,
                    set_alarm_flashing,
                    set_volume,
                    set_smooth_edges,
                    set_timers,
                ),
                save_changed_settings.run_if(resource_changed::<Settings>),
            )
                .chain(),
        );
}

fn set_timers(mut requests: MessageReader<SetTimers>, mut settings: ResMut<Settings>) {
    if let Some(SetTimers(mode)) = requests.read().last()
        && settings.timers != *mode
    {
        settings.timers = *mode;
    }
}

fn set_language(mut requests: MessageReader<SetLanguage>, mut settings: ResMut<Settings>) {
    if let Some(SetLanguage(lang)) = requests.read().last()
        && settings.lang != *lang
    {
        settings.lang = *lang;
    }
}

fn set_alarm_flashing(
    mut requests: MessageReader<SetAlarmFlashing>,
    mut settings: ResMut<Settings>,
) {
    if let Some(SetAlarmFlashing(on)) = requests.read().last()
        && settings.flash_alarms != *on
    {
        settings.flash_alarms = *on;
    }
}

fn set_smooth_edges(mut requests: MessageReader<SetSmoothEdges>, mut settings: ResMut<Settings>) {
    if let Some(SetSmoothEdges(edges)) = requests.read().last()
        && settings.edges != *edges
    {
        settings.edges = *edges;
    }
}

fn set_volume(mut requests: MessageReader<SetVolume>, mut settings: ResMut<Settings>) {
    for SetVolume(which, value) in requests.read() {
        let value = value.clamp(0.0, 1.0);
        let slot = match which {
            VolumeOf::All => &mut settings.volume,
            VolumeOf::Monitor => &mut settings.monitor_volume,
            VolumeOf::Ambience => &mut settings.ambience_volume,
        };
        if *slot != value {
            *slot = value;
        }
    }
}

fn save_changed_settings(settings: Res<Settings>, store: Option<Res<SettingsStore>>) {
    if settings.is_added() {
        return;
    }
    if let Some(store) = store
        && let Err(err) = store.write(&settings)
    {
        warn!("could not save settings to {}: {err}", *store);
    }
}

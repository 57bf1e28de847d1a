//! The message that changes a setting, and saving the settings when they
//! change.

use bevy::prelude::*;

use super::{Setting, Settings, SettingsStore};

/// The player changed a setting.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct ChangeSetting(pub Setting);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .add_message::<ChangeSetting>()
        .add_systems(
            Update,
            (
                change_settings,
                save_changed_settings.run_if(resource_changed::<Settings>),
            )
                .chain(),
        );
}

/// Applies the changes asked for, in order, clamped to their ranges; the
/// settings count as changed (and are saved) only when one changed them.
fn change_settings(mut changes: MessageReader<ChangeSetting>, mut settings: ResMut<Settings>) {
    let mut changed = false;
    for ChangeSetting(setting) in changes.read() {
        changed |= settings.bypass_change_detection().apply(*setting);
    }
    if changed {
        settings.set_changed();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Lang;
    use crate::settings::VolumeOf;

    #[test]
    fn changes_are_applied_and_only_real_ones_mark_the_settings_changed() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        app.update();
        let last_changed = |app: &App| app.world().resource_ref::<Settings>().last_changed();
        let change = |app: &mut App, setting| {
            let before = last_changed(app);
            app.world_mut().write_message(ChangeSetting(setting));
            app.update();
            last_changed(app) != before
        };
        assert!(change(&mut app, Setting::Language(Lang::En)));
        assert!(!change(&mut app, Setting::Language(Lang::En)));
        assert!(change(&mut app, Setting::Volume(VolumeOf::Ambience, 3.0)));
        let settings = app.world().resource::<Settings>();
        assert_eq!((settings.lang, settings.ambience_volume), (Lang::En, 1.0));
    }
}

//! The whole screen or a window, as the settings say; F11 switches. In the
//! browser the whole screen is the page's canvas, which the browser grants
//! only just after a click or a key.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};

use super::input::{Intent, Intents};
use crate::settings::{ChangeSetting, Setting, Settings};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            switch_on_key,
            follow_setting.run_if(resource_changed::<Settings>),
        ),
    );
}

/// The window's mode for the setting `fullscreen`: borderless over the
/// whole of the screen it is on, or a window.
pub(crate) fn window_mode(fullscreen: bool) -> WindowMode {
    if fullscreen {
        WindowMode::BorderlessFullscreen(MonitorSelection::Current)
    } else {
        WindowMode::Windowed
    }
}

/// F11 asks for the other of the two.
fn switch_on_key(
    mut intents: ResMut<Intents>,
    settings: Res<Settings>,
    mut changes: MessageWriter<ChangeSetting>,
) {
    if intents.take_one(Intent::Fullscreen) {
        changes.write(ChangeSetting(Setting::Fullscreen(!settings.fullscreen)));
    }
}

/// The window follows the setting.
fn follow_setting(settings: Res<Settings>, mut window: Single<&mut Window, With<PrimaryWindow>>) {
    let mode = window_mode(settings.fullscreen);
    if window.mode != mode {
        window.mode = mode;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f11_switches_and_the_window_follows() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, crate::settings::plugin, plugin))
            .insert_resource(Intents::new(vec![Intent::Fullscreen]));
        app.world_mut().spawn((Window::default(), PrimaryWindow));
        let mode = |app: &mut App| {
            let mut windows = app.world_mut().query::<&Window>();
            windows.single(app.world()).unwrap().mode
        };
        // The key taken, the setting changed, the window following.
        app.update();
        app.update();
        assert!(app.world().resource::<Settings>().fullscreen);
        assert_eq!(mode(&mut app), window_mode(true));
    }
}

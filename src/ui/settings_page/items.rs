//! The settings screen's items, section by section, and what each offers
//! and asks for: a few values side by side (on and off among them), or a
//! number on a slider. Plain functions of the settings, so that what a key
//! does to an item is tested without a window.

use std::ops::RangeInclusive;

use crate::content::Lang;
use crate::settings::{
    AUTO_DELAYS, EdgeSmoothing, Setting, Settings, TEXT_SPEEDS, TimerMode, UI_SCALES, VolumeOf,
};
use crate::ui::input::Ask;
use crate::ui::strings::{self as s, Tr};

/// A row of the settings screen, or the way back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Item {
    Language,
    TextSpeed,
    AutoDelay,
    Timers,
    FlashAlarms,
    UiScale,
    HighContrast,
    ReducedMotion,
    Fullscreen,
    Edges,
    Volume(VolumeOf),
    Back,
}

/// A heading and the items under it.
pub(super) struct Section {
    pub heading: Tr,
    pub items: &'static [Item],
}

/// The settings, section by section.
pub(super) const SECTIONS: [Section; 4] = [
    Section {
        heading: s::LANGUAGE_AND_TEXT,
        items: &[Item::Language, Item::TextSpeed, Item::AutoDelay],
    },
    Section {
        heading: s::PLAY,
        items: &[Item::Timers, Item::FlashAlarms],
    },
    Section {
        heading: s::DISPLAY,
        items: &[
            Item::UiScale,
            Item::HighContrast,
            Item::ReducedMotion,
            Item::Fullscreen,
            Item::Edges,
        ],
    },
    Section {
        heading: s::SOUND,
        items: &[
            Item::Volume(VolumeOf::All),
            Item::Volume(VolumeOf::Monitor),
            Item::Volume(VolumeOf::Ambience),
        ],
    },
];

/// Every item in the order the highlight goes through them: the sections'
/// items, then the way back.
pub(super) fn items() -> Vec<Item> {
    SECTIONS
        .iter()
        .flat_map(|section| section.items.iter().copied())
        .chain([Item::Back])
        .collect()
}

/// A number on a slider: its value, range and the step of a key.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Slider {
    pub value: f32,
    pub range: RangeInclusive<f32>,
    pub step: f32,
}

/// What the player asks of an item.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Outcome {
    /// A setting changes.
    Change(Setting),
    /// Back to the page before.
    Back,
}

impl Item {
    /// The item's name.
    pub(super) fn label(self) -> Tr {
        match self {
            Item::Language => s::LANGUAGE,
            Item::TextSpeed => s::TEXT_SPEED,
            Item::AutoDelay => s::AUTO_DELAY,
            Item::Timers => s::TIMERS,
            Item::FlashAlarms => s::FLASH_ALARMS,
            Item::UiScale => s::UI_SCALE,
            Item::HighContrast => s::HIGH_CONTRAST,
            Item::ReducedMotion => s::REDUCED_MOTION,
            Item::Fullscreen => s::FULLSCREEN,
            Item::Edges => s::SMOOTH_EDGES,
            Item::Volume(VolumeOf::All) => s::VOLUME,
            Item::Volume(VolumeOf::Monitor) => s::MONITOR_VOLUME,
            Item::Volume(VolumeOf::Ambience) => s::AMBIENCE_VOLUME,
            Item::Back => s::BACK,
        }
    }

    /// The values the item offers side by side, each as the setting that
    /// picks it with its label, and whether it is the current one; none
    /// for a slider or the way back.
    pub(super) fn choices(self, settings: &Settings) -> Vec<(Setting, Tr, bool)> {
        let on_off = |current: bool, make: fn(bool) -> Setting| {
            vec![
                (make(true), s::ON, current),
                (make(false), s::OFF, !current),
            ]
        };
        match self {
            Item::Language => Lang::ALL
                .into_iter()
                .map(|l| {
                    (
                        Setting::Language(l),
                        Tr::same(l.native_name()),
                        l == settings.lang,
                    )
                })
                .collect(),
            Item::Timers => TimerMode::ALL
                .into_iter()
                .zip([s::TIMERS_NORMAL, s::TIMERS_RELAXED, s::TIMERS_OFF])
                .map(|(mode, label)| (Setting::Timers(mode), label, mode == settings.timers))
                .collect(),
            Item::Edges => EdgeSmoothing::ALL
                .into_iter()
                .zip([s::EDGES_AUTO, s::ON, s::OFF])
                .map(|(edges, label)| (Setting::Edges(edges), label, edges == settings.edges))
                .collect(),
            Item::FlashAlarms => on_off(settings.flash_alarms, Setting::FlashAlarms),
            Item::HighContrast => on_off(settings.high_contrast, Setting::HighContrast),
            Item::ReducedMotion => on_off(settings.reduced_motion, Setting::ReducedMotion),
            Item::Fullscreen => on_off(settings.fullscreen, Setting::Fullscreen),
            _ => Vec::new(),
        }
    }

    /// The item's slider, if it is one.
    pub(super) fn slider(self, settings: &Settings) -> Option<Slider> {
        let (value, range, step) = match self {
            Item::TextSpeed => (settings.text_speed, TEXT_SPEEDS, 5.0),
            Item::AutoDelay => (settings.auto_delay, AUTO_DELAYS, 0.5),
            Item::UiScale => (settings.ui_scale, UI_SCALES, 0.05),
            Item::Volume(which) => (settings.volume_of(which), 0.0..=1.0, 0.1),
            _ => return None,
        };
        Some(Slider { value, range, step })
    }

    /// The setting that sets the slider's number to `value`.
    pub(super) fn set(self, value: f32) -> Option<Setting> {
        match self {
            Item::TextSpeed => Some(Setting::TextSpeed(value)),
            Item::AutoDelay => Some(Setting::AutoDelay(value)),
            Item::UiScale => Some(Setting::UiScale(value)),
            Item::Volume(which) => Some(Setting::Volume(which, value)),
            _ => None,
        }
    }

    /// The slider's number as it reads in `lang`.
    pub(super) fn value_text(self, value: f32, lang: Lang) -> String {
        let (pattern, number) = match self {
            Item::TextSpeed => (s::CHARS_PER_SECOND, format!("{value:.0}")),
            Item::AutoDelay => (s::SECONDS, decimal(value, lang)),
            _ => (s::PERCENT, format!("{:.0}", value * 100.0)),
        };
        pattern.get(lang).replace("{}", &number)
    }

    /// What `ask` of this item asks for, the settings being `settings`:
    /// left and right go to the value beside the current one, or a step
    /// along the slider; Enter goes on to the next value, round and round,
    /// or back.
    pub(super) fn answer(self, ask: Ask, settings: &Settings) -> Option<Outcome> {
        if self == Item::Back {
            return (ask == Ask::Take).then_some(Outcome::Back);
        }
        if let Some(slider) = self.slider(settings) {
            let steps = (slider.value / slider.step).round();
            let steps = match ask {
                Ask::Less => steps - 1.0,
                Ask::More => steps + 1.0,
                Ask::Take => return None,
            };
            return self.set(steps * slider.step).map(Outcome::Change);
        }
        let choices = self.choices(settings);
        let n = choices.len();
        let current = choices.iter().position(|(_, _, on)| *on)?;
        let next = match ask {
            Ask::Less => current.checked_sub(1)?,
            Ask::More => (current + 1 < n).then_some(current + 1)?,
            Ask::Take => (current + 1) % n,
        };
        Some(Outcome::Change(choices[next].0))
    }
}

/// `value` with one decimal, a comma in German.
fn decimal(value: f32, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(item: Item, ask: Ask, settings: &Settings) -> Option<Setting> {
        match item.answer(ask, settings) {
            Some(Outcome::Change(setting)) => Some(setting),
            _ => None,
        }
    }

    #[test]
    fn every_setting_has_its_row_once_and_back_comes_last() {
        let items = items();
        assert_eq!(items.last(), Some(&Item::Back));
        assert_eq!(items.len(), 14);
        for (i, item) in items.iter().enumerate() {
            assert!(!items[i + 1..].contains(item), "{item:?} twice");
        }
    }

    #[test]
    fn left_and_right_go_to_the_value_beside_and_stop_at_the_ends() {
        let settings = Settings::default();
        let timers = Item::Timers;
        let relaxed = Setting::Timers(TimerMode::Relaxed);
        assert_eq!(change(timers, Ask::More, &settings), Some(relaxed));
        assert_eq!(
            change(timers, Ask::Less, &settings),
            None,
            "Normal is first"
        );
        let on = Settings {
            fullscreen: true,
            ..Settings::default()
        };
        let off = Setting::Fullscreen(false);
        assert_eq!(change(Item::Fullscreen, Ask::More, &on), Some(off));
        assert_eq!(
            change(Item::Fullscreen, Ask::Less, &settings),
            Some(Setting::Fullscreen(true))
        );
    }

    #[test]
    fn enter_goes_round_the_values() {
        let settings = Settings {
            edges: EdgeSmoothing::Off,
            ..Settings::default()
        };
        let auto = Setting::Edges(EdgeSmoothing::Auto);
        assert_eq!(change(Item::Edges, Ask::Take, &settings), Some(auto));
        let english = Setting::Language(Lang::En);
        assert_eq!(change(Item::Language, Ask::Take, &settings), Some(english));
        let flashing = change(Item::FlashAlarms, Ask::Take, &settings);
        assert_eq!(flashing, Some(Setting::FlashAlarms(false)));
    }

    #[test]
    fn sliders_step_along_their_grid_and_enter_leaves_them() {
        let settings = Settings {
            volume: 0.72,
            ..Settings::default()
        };
        let volume = Item::Volume(VolumeOf::All);
        match change(volume, Ask::More, &settings) {
            Some(Setting::Volume(VolumeOf::All, level)) => assert!((level - 0.8).abs() < 1e-6),
            other => panic!("{other:?}"),
        }
        let delay = change(Item::AutoDelay, Ask::Less, &settings);
        assert_eq!(delay, Some(Setting::AutoDelay(1.0)));
        assert_eq!(change(Item::TextSpeed, Ask::Take, &settings), None);
    }

    #[test]
    fn back_goes_back_only_when_taken() {
        let settings = Settings::default();
        assert_eq!(Item::Back.answer(Ask::Take, &settings), Some(Outcome::Back));
        assert_eq!(Item::Back.answer(Ask::More, &settings), None);
    }

    #[test]
    fn numbers_read_as_each_language_writes_them() {
        assert_eq!(Item::AutoDelay.value_text(1.5, Lang::De), "1,5 s");
        assert_eq!(Item::AutoDelay.value_text(1.5, Lang::En), "1.5 s");
        assert_eq!(Item::UiScale.value_text(1.1, Lang::De), "110 %");
        assert_eq!(
            Item::Volume(VolumeOf::Monitor).value_text(0.8, Lang::En),
            "80%"
        );
        assert_eq!(
            Item::TextSpeed.value_text(45.0, Lang::En),
            "45 characters/s"
        );
    }
}

//! The overlay's own words (menus, hints), in both languages. Story text
//! lives in the scene files.

use crate::content::Lang;

/// A phrase of the interface in German and English.
pub struct Tr {
    de: &'static str,
    en: &'static str,
}

impl Tr {
    /// The same words in every language: a name, such as a language's own.
    pub fn same(text: &'static str) -> Tr {
        Tr { de: text, en: text }
    }

    /// The phrase in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
        }
    }
}

macro_rules! phrases {
    ($($name:ident = $de:literal / $en:literal;)*) => {
        $(pub const $name: Tr = Tr { de: $de, en: $en };)*
    };
}

phrases! {
    SUBTITLE = "Der erste Tag" / "The first day";
    NEW_GAME = "Neues Spiel" / "New game";
    CONTINUE = "Weiterspielen" / "Continue";
    QUIT = "Beenden" / "Quit";
    LANGUAGE = "Sprache" / "Language";
    LOADING = "Szenen werden geladen …" / "Loading scenes …";
    TITLE_KEYS = "Pfeiltasten und Eingabe: wählen · Esc im Spiel: Menü" / "Arrow keys and Enter: choose · Esc in game: menu";
    PAGE_KEYS = "Pfeiltasten: wählen und ändern · Esc: zurück" / "Arrow keys: choose and change · Esc: back";
    PAUSED = "Pause" / "Paused";
    RESUME = "Weiter" / "Resume";
    TO_TITLE = "Zum Titelbild" / "Title screen";
    SAVE = "Speichern" / "Save";
    LOAD = "Laden" / "Load";
    HISTORY = "Verlauf" / "History";
    SETTINGS = "Einstellungen" / "Settings";
    BACK = "Zurück" / "Back";
    FLOWCHART = "Flussdiagramm" / "Flowchart";
    MODS = "Mods" / "Mods";
    NO_MODS = "Keine Mods gefunden. Ein Mod ist ein Ordner mit einer mod.ron darin: Leg ihn in einen dieser Ordner und starte das Spiel neu." / "No mods found. A mod is a folder with a mod.ron in it: put it in one of these folders and start the game again.";
    MODS_ORDER = "Eingabe: an oder aus · Pfeil links oder rechts: früher oder später laden. Ersetzen zwei Mods dasselbe, gilt der später geladene." / "Enter: on or off · left or right arrow: lay on earlier or later. Where two mods replace the same thing, the later one counts.";
    MOD_ON = "an" / "on";
    MOD_OFF = "aus" / "off";
    MOD_BROKEN = "fehlerhaft, ausgelassen" / "broken, left out";
    MOD_UNTRIED = "nicht versucht: Die Geschichte selbst hat Fehler" / "not tried: the story itself has errors";
    CHAPTERS = "Kapitel" / "Chapters";
    NOT_REACHED = "noch nicht erreicht" / "not reached yet";
    NO_CHOICES = "In dieser Szene gibt es keine Entscheidung." / "There is no decision in this scene.";
    LOCKED_CHOICE = "??? – eine Entscheidung, zu der noch kein Spiel kam" / "??? – a decision no game has come to yet";
    A_CHOICE = "Entscheidung" / "Decision";
    TIME_RAN_OUT = "Zeit abgelaufen" / "Time ran out";
    NO_SAVES_HERE = "Hier kann nichts gespeichert werden." / "Nothing can be saved here.";
    EMPTY_SLOT = "Leer" / "Empty";
    OVERWRITE = "Überschreiben? Noch einmal wählen." / "Overwrite? Choose it again.";
    UNREADABLE_SAVE = "Nicht lesbar, bleibt unangetastet" / "Unreadable, left untouched";
    AUTOSAVE = "Automatisch" / "Autosave";
    QUICKSAVE = "Schnellspeicher" / "Quicksave";
    SLOT = "Platz" / "Slot";
    EXPORT_SAVE = "Als Datei sichern" / "Export as a file";
    IMPORT_SAVE = "Datei importieren …" / "Import a file …";
    BACK_TO_HERE = "Hierher zurück" / "Back to here";
    HISTORY_ALARM = "Alarm" / "Alarm";
    SAVED = "Gespeichert:" / "Saved:";
    LOADED = "Geladen:" / "Loaded:";
    SCENES_CHANGED = "Die Szenen haben sich seit diesem Spielstand geändert: Es geht am Anfang der Szene weiter." / "The scenes have changed since this save: the story goes on from the start of the scene.";
    SAVE_SET_ASIDE = "Ein unlesbarer Spielstand wurde beiseitegelegt, nicht gelöscht: {}" / "An unreadable save was set aside, not deleted: {}";
    SAVE_FAILED = "Speichern oder Laden ging nicht: {}" / "Saving or loading failed: {}";
    QUICK_BACK = "Zurück" / "Back";
    QUICK_SKIP = "Überspringen" / "Skip";
    QUICK_AUTO = "Auto" / "Auto";
    QUICK_MENU = "Menü" / "Menu";
    LANGUAGE_AND_TEXT = "Sprache und Text" / "Language and text";
    PLAY = "Spiel" / "Play";
    DISPLAY = "Anzeige" / "Display";
    SOUND = "Ton" / "Sound";
    TEXT_SPEED = "Textgeschwindigkeit" / "Text speed";
    CHARS_PER_SECOND = "{} Zeichen/s" / "{} characters/s";
    AUTO_DELAY = "Automatisch weiter nach" / "Read on automatically after";
    SECONDS = "{} s" / "{} s";
    UI_SCALE = "Textgröße" / "Text size";
    HIGH_CONTRAST = "Hoher Kontrast" / "High contrast";
    REDUCED_MOTION = "Weniger Bewegung" / "Reduced motion";
    FULLSCREEN = "Vollbild (F11)" / "Full screen (F11)";
    PERCENT = "{} %" / "{}%";
    THE_END = "Ende" / "The end";
    CASE_REVIEW = "Fallbesprechung" / "Case review";
    REVIEW_KEYS = "Pfeile links/rechts: Ereignisse · hoch/runter: Abschnitte · Esc: Titelbild" / "Left/right arrows: events · up/down: sections · Esc: title screen";
    OUTCOME = "Geschätztes Sterberisiko: {}" / "Estimated risk of death: {}";
    PATIENT_DIED = "Die Patientin ist nach {} verstorben." / "The patient died after {}.";
    COURSE_OVER = "Verlauf über {}" / "Course over {}";
    MAP_SHORT = "MAD" / "MAP";
    MAP_TARGET_LINE = "Ziel-MAD 65" / "MAP target 65";
    MEASURED = "gemessen" / "measured";
    DECISION = "Entscheidung" / "Decision";
    ORDER = "Anordnung" / "Order";
    DETAIL_HINT = "Zeigen oder tippen: was wann geschah. Die Pfeiltasten links und rechts gehen die Ereignisse durch." / "Point or tap to see what happened when; the left and right arrow keys step through the events.";
    NO_TREND = "Für diesen Spielstand wurde kein Verlauf aufgezeichnet." / "No course was recorded for this save.";
    BUNDLE_HEADING = "Stunde-1-Bündel und Herdsanierung" / "Hour-1 bundle and source control";
    BUNDLE_ELEMENT = "Maßnahme" / "Element";
    BUNDLE_DONE = "Erfolgt" / "Done";
    BUNDLE_DUE = "Ziel" / "Target";
    BUNDLE_STATUS = "Bewertung" / "Verdict";
    BUNDLE_LACTATE = "Laktat gemessen" / "Lactate measured";
    BUNDLE_LACTATE_REPEAT = "Erhöhtes Laktat kontrolliert" / "Raised lactate re-measured";
    BUNDLE_CULTURES = "Blutkulturen vor Antibiose" / "Blood cultures before antibiotics";
    BUNDLE_ANTIBIOTICS = "Breitband-Antibiose" / "Broad-spectrum antibiotics";
    BUNDLE_FLUIDS = "30 ml/kg Kristalloide" / "30 mL/kg crystalloid";
    BUNDLE_NOREPINEPHRINE = "Noradrenalin bei MAD < 65" / "Noradrenaline if MAP < 65";
    BUNDLE_INCISION = "Herdsanierung: Schnitt" / "Source control: incision";
    BEFORE = "vor {}" / "before {}";
    BEFORE_ANTIBIOTICS = "vor Antibiose" / "before antibiotics";
    STATUS_MET = "erfüllt" / "met";
    STATUS_LATE = "verspätet" / "late";
    STATUS_AFTER_ANTIBIOTICS = "nach Antibiose" / "after antibiotics";
    STATUS_MISSED = "versäumt" / "missed";
    STATUS_NOT_NEEDED = "nicht nötig" / "not needed";
    FIRST_DEBRIDEMENT = "Erstes Debridement:" / "First debridement:";
    EXTENT_LIMITED = "sparsam, Second Look geplant" / "limited, second look planned";
    EXTENT_RADICAL = "radikal, bis ins Gesunde" / "radical, to healthy tissue";
    EXTENT_AMPUTATION = "Amputation" / "amputation";
    SECONDS_LEFT = "Sek." / "s";
    LINE_KEYS = "Leertaste / Klick: weiter" / "Space / click: continue";
    CHOICE_KEYS = "Tasten 1–9, oder Pfeiltasten und Eingabe" / "Keys 1–9, or arrow keys and Enter";
    CONTENT_ERRORS = "Die Szenendateien enthalten Fehler" / "The scene files have errors";
    CONTENT_ERRORS_HELP = "Beheben und speichern: Das Spiel lädt die Dateien dann neu." / "Fix and save the file: the game reloads it.";
    STORY_FAULT = "Die Geschichte kann nicht weitergehen" / "The story cannot go on";
    ART_ERRORS = "Bilder, die nicht gezeichnet werden können" / "Pictures that cannot be drawn";
    FLASH_ALARMS = "Alarme blinken" / "Flashing alarms";
    VOLUME = "Lautstärke" / "Volume";
    SMOOTH_EDGES = "Glatte Kanten" / "Smooth edges";
    MONITOR_VOLUME = "Monitor" / "Monitor";
    AMBIENCE_VOLUME = "Raumklang" / "Room sound";
    MINUTES_AGO = "vor {} min" / "{} min ago";
    NO_LACTATE = "kein Wert" / "none yet";
    PATIENT_TIME = "Patientenzeit" / "Patient time";
    HR = "HF" / "HR";
    RR = "AF" / "RR";
    BP = "RR" / "BP";
    LACTATE = "Laktat" / "Lactate";
    ALARM_MAP_LOW = "MAD NIEDRIG" / "MAP LOW";
    ALARM_SPO2_LOW = "SpO2 NIEDRIG" / "SpO2 LOW";
    ALARM_HR_HIGH = "HF HOCH" / "HR HIGH";
    ALARM_RR_HIGH = "AF HOCH" / "RR HIGH";
    ALARM_TEMP_HIGH = "TEMP HOCH" / "TEMP HIGH";
    ALARM_ASYSTOLE = "ASYSTOLIE" / "ASYSTOLE";
    PHASE_KEYS = "Leertaste / Klick: Phase abschließen" / "Space / click: finish the phase";
    SIM_MINUTES = "min" / "min";
    SHOW_HINTS = "Hinweise (H)" / "Hints (H)";
    HIDE_HINTS = "Hinweise aus (H)" / "Hide hints (H)";
    TIME_UP = "Zeit abgelaufen" / "Time is up";
    TIME_UP_TAKEN = "Für dich entschieden: {}" / "Decided for you: {}";
    TIME_UP_HESITATED = "Du hast gezögert – die anderen handeln ohne dich." / "You hesitated – the others acted without you.";
    TIMERS = "Entscheidungszeit" / "Decision time";
    TIMERS_NORMAL = "Normal" / "Normal";
    TIMERS_RELAXED = "Entspannt (×2)" / "Relaxed (×2)";
    TIMERS_OFF = "Aus" / "Off";
    EDGES_AUTO = "Automatisch" / "Automatic";
    ON = "An" / "On";
    OFF = "Aus" / "Off";
    TEAM = "Team" / "Team";
    CHECKLIST = "OP-Ablauf" / "Operation";
}

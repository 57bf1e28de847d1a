//! The clinical events of the history in words: orders and results, as a
//! chart would note them, in German and British English.

use crate::content::Lang;
use crate::patient::{ClinicalEvent, Extent, Intervention, LabResult, Labs};

/// The event in `lang`.
pub(super) fn describe(event: &ClinicalEvent, lang: Lang) -> String {
    match event {
        ClinicalEvent::Ordered(order) => ordered(order, lang),
        ClinicalEvent::ResultBack(result) => result_back(result, lang),
    }
}

/// A number with `digits` decimals, with the language's decimal mark.
fn number(value: f64, digits: usize, lang: Lang) -> String {
    let text = format!("{value:.digits$}");
    match lang {
        Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

fn ordered(order: &Intervention, lang: Lang) -> String {
    let de = lang == Lang::De;
    match *order {
        Intervention::BloodCultures => pick(de, "Blutkulturen abgenommen", "Blood cultures taken"),
        Intervention::Lactate {
            point_of_care: true,
        } => pick(
            de,
            "Laktat abgenommen (BGA)",
            "Lactate taken (point of care)",
        ),
        Intervention::Lactate {
            point_of_care: false,
        } => pick(
            de,
            "Laktat abgenommen (Zentrallabor)",
            "Lactate sent to the lab",
        ),
        Intervention::Crystalloid { ml, over_min } => {
            let ml = number(ml, 0, lang);
            if de {
                format!("Kristalloide Infusion, {ml} ml über {over_min} min")
            } else {
                format!("Crystalloid infusion, {ml} mL over {over_min} min")
            }
        }
        Intervention::Antibiotics { adequate: true } => pick(
            de,
            "Antibiose begonnen (kalkuliert, Breitspektrum)",
            "Antibiotics started (empirical, broad-spectrum)",
        ),
        Intervention::Antibiotics { adequate: false } => pick(
            de,
            "Antibiose begonnen (Spektrum unzureichend)",
            "Antibiotic started (inadequate spectrum)",
        ),
        Intervention::Norepinephrine { dose } if dose <= 0.0 => {
            pick(de, "Noradrenalin abgesetzt", "Noradrenaline stopped")
        }
        Intervention::Norepinephrine { dose } => {
            let dose = number(dose, 2, lang);
            if de {
                format!("Noradrenalin {dose} µg/kg/min")
            } else {
                format!("Noradrenaline {dose} µg/kg/min")
            }
        }
        Intervention::Vasopressin { on: true } => pick(
            de,
            "Vasopressin 0,03 I.E./min begonnen",
            "Vasopressin 0.03 units/min started",
        ),
        Intervention::Vasopressin { on: false } => {
            pick(de, "Vasopressin beendet", "Vasopressin stopped")
        }
        Intervention::Hydrocortisone => pick(
            de,
            "Hydrocortison 200 mg/Tag begonnen",
            "Hydrocortisone 200 mg/day started",
        ),
        Intervention::Oxygen { on: true } => pick(de, "Sauerstoffgabe begonnen", "Oxygen started"),
        Intervention::Oxygen { on: false } => pick(de, "Sauerstoff abgesetzt", "Oxygen stopped"),
        Intervention::Paracetamol => pick(de, "Paracetamol gegeben", "Paracetamol given"),
        Intervention::Induction => pick(de, "Narkoseeinleitung", "Induction of anaesthesia"),
        Intervention::Surgery { minutes } => format!("Operation, {minutes} min"),
        Intervention::Incision => pick(de, "Hautschnitt", "Skin incision"),
        Intervention::Extubation => pick(de, "Extubiert, wach", "Extubated, awake"),
        Intervention::Debridement { extent } => debridement(extent, de),
        Intervention::BloodLoss { ml, over_min } => {
            let ml = number(ml, 0, lang);
            if de {
                format!("Blutverlust {ml} ml über {over_min} min")
            } else {
                format!("Blood loss {ml} mL over {over_min} min")
            }
        }
    }
}

fn debridement(extent: Extent, de: bool) -> String {
    match extent {
        Extent::Limited => pick(
            de,
            "Debridement, sparsam (Second-Look geplant)",
            "Debridement, limited (second look planned)",
        ),
        Extent::Radical => pick(
            de,
            "Debridement, radikal bis ins Gesunde",
            "Debridement, radical to healthy tissue",
        ),
        Extent::Amputation => pick(de, "Amputation", "Amputation"),
    }
}

fn result_back(result: &LabResult, lang: Lang) -> String {
    match result {
        LabResult::Lactate { value, .. } => {
            let value = number(*value, 1, lang);
            match lang {
                Lang::De => format!("Laktat: {value} mmol/l"),
                Lang::En => format!("Lactate: {value} mmol/L"),
            }
        }
        LabResult::Panel(labs) => panel(labs, lang),
    }
}

fn panel(labs: &Labs, lang: Lang) -> String {
    let n = |value: f64, digits| number(value, digits, lang);
    match lang {
        Lang::De => format!(
            "Labor: CRP {} mg/l, Leukozyten {}/nl, Hb {} g/dl, Natrium {} mmol/l, Kreatinin {} mg/dl, Glukose {} mg/dl",
            n(labs.crp, 0),
            n(labs.wbc, 1),
            n(labs.hb, 1),
            n(labs.sodium, 0),
            n(labs.creatinine, 1),
            n(labs.glucose, 0)
        ),
        // British laboratories report in SI units.
        Lang::En => format!(
            "Labs: CRP {} mg/L, WCC {} x10^9/L, Hb {} g/L, Na {} mmol/L, creatinine {} µmol/L, glucose {} mmol/L",
            n(labs.crp, 0),
            n(labs.wbc, 1),
            n(labs.hb * 10.0, 0),
            n(labs.sodium, 0),
            n(labs.creatinine * 88.4, 0),
            n(labs.glucose / 18.0, 1)
        ),
    }
}

fn pick(de: bool, german: &str, english: &str) -> String {
    if de { german } else { english }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_and_results_read_as_a_chart_notes_them() {
        let pressor = ClinicalEvent::Ordered(Intervention::Norepinephrine { dose: 0.3 });
        assert_eq!(describe(&pressor, Lang::De), "Noradrenalin 0,30 µg/kg/min");
        assert_eq!(describe(&pressor, Lang::En), "Noradrenaline 0.30 µg/kg/min");
        let lactate = ClinicalEvent::ResultBack(LabResult::Lactate {
            value: 4.13,
            drawn_at: 0,
        });
        assert_eq!(describe(&lactate, Lang::De), "Laktat: 4,1 mmol/l");
        let bolus = ClinicalEvent::Ordered(Intervention::Crystalloid {
            ml: 1000.0,
            over_min: 30,
        });
        assert_eq!(
            describe(&bolus, Lang::En),
            "Crystalloid infusion, 1000 mL over 30 min"
        );
    }
}

//! The case review (Fallbesprechung) after an ending: how the hour-1
//! bundle and source control went, from her case and the history's orders
//! and alarms; the estimated outcome; the ending's title; and what is said
//! about it all, picked from the story's review file by the story's state
//! at its end.

use super::history::{Entry, Event};
use super::runner::StoryState;
use super::session::Session;
use crate::content::{Library, LocalizedText, RemarkDef};
use crate::patient::{
    Alarm, BundleItem, Case, ClinicalEvent, Course, Extent, Intervention, debridement_finding,
};

/// The review of one ended game.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The ending reached.
    pub ending: String,
    /// Its title, if the manifest declares the ending.
    pub title: Option<LocalizedText>,
    /// The estimated probability of death, 0–1, as the case stands.
    pub outcome: f64,
    /// Whether she is alive.
    pub alive: bool,
    /// Her minutes since arrival when the story ended.
    pub minutes: u32,
    /// Each element of the bundle, then source control.
    pub bundle: Vec<BundleItem>,
    /// How far the first debridement went, if there was one.
    pub debridement: Option<Extent>,
    /// Who says the remarks: a character's id, or none for narration.
    pub speaker: Option<String>,
    /// What is said: on each finding in the bundle's order, then on the
    /// ending.
    pub remarks: Vec<Remark>,
}

/// One remark of the review.
#[derive(Clone, Debug, PartialEq)]
pub struct Remark {
    /// What it is about: a finding's id or the ending's.
    pub about: String,
    /// What is said.
    pub text: LocalizedText,
}

impl Review {
    /// The review of the game `session`, once its story has ended.
    pub fn of(session: &Session) -> Option<Review> {
        let ending = session.ending()?;
        let history = session.history().entries();
        let (library, story) = (session.library(), session.story());
        Some(Review::at_end(
            library,
            story,
            session.case(),
            history,
            ending,
        ))
    }

    /// The review of a story ended at `ending` with `case` and `history`,
    /// its remarks picked by the `story`'s state.
    fn at_end(
        library: &Library,
        story: &StoryState,
        case: &Case,
        history: &[Entry],
        ending: &str,
    ) -> Review {
        let orders = orders(history);
        let map_low: Vec<u32> = history
            .iter()
            .filter(|entry| entry.event == Event::Alarm(Alarm::MapLow))
            .map(|entry| entry.minute)
            .collect();
        let course = Course {
            case,
            orders: &orders,
            map_low: &map_low,
        };
        let words = &library.review;
        let mut review = Review {
            ending: ending.to_owned(),
            title: library.ending_title(ending).cloned(),
            outcome: case.outcome(),
            alive: case.body.alive,
            minutes: case.body.minute,
            bundle: course.assess(),
            debridement: case.treatment.debridement,
            speaker: words.speaker.clone(),
            remarks: Vec::new(),
        };
        review.remarks = review.remarks_said(library, story, case);
        review
    }

    /// The findings of this review, as review files name them: the
    /// bundle's in its order, then the debridement's.
    pub fn findings(&self) -> Vec<String> {
        let bundle = self.bundle.iter().filter_map(BundleItem::finding);
        let debridement = self.debridement.map(|e| debridement_finding(e).to_owned());
        bundle.chain(debridement).collect()
    }

    /// The remark said on each finding and then on the ending: the first
    /// of the file's whose condition holds at the story's end.
    fn remarks_said(&self, library: &Library, story: &StoryState, case: &Case) -> Vec<Remark> {
        let words = &library.review;
        let said = |about: String, remarks: &[RemarkDef]| {
            let remark = first_said(library, story, case, remarks)?;
            Some(Remark {
                about,
                text: remark.text.clone(),
            })
        };
        let on_findings = self
            .findings()
            .into_iter()
            .filter_map(|finding| said(finding.clone(), words.remarks_on(&finding)));
        let on_ending = said(self.ending.clone(), words.remarks_at_end(&self.ending));
        on_findings.chain(on_ending).collect()
    }
}

/// Every order carried out, with its minute, oldest first.
fn orders(history: &[Entry]) -> Vec<(u32, Intervention)> {
    history
        .iter()
        .filter_map(|entry| match entry.event {
            Event::Clinical(ClinicalEvent::Ordered(order)) => Some((entry.minute, order)),
            _ => None,
        })
        .collect()
}

/// The first remark of `remarks` whose condition holds at the story's end.
fn first_said<'r>(
    library: &Library,
    story: &StoryState,
    case: &Case,
    remarks: &'r [RemarkDef],
) -> Option<&'r RemarkDef> {
    remarks.iter().find(|remark| {
        remark
            .when
            .as_ref()
            .is_none_or(|when| story.holds(library, case, when))
    })
}

/// The entries the review's chart marks on her timeline: the orders, the
/// alarms, and the decisions of her care (those after her first minute, and
/// those that gave an order at once), by their minutes.
pub fn timeline(history: &[Entry]) -> Vec<&Entry> {
    let mut marked: Vec<&Entry> = history
        .iter()
        .enumerate()
        .filter(|(index, entry)| match &entry.event {
            Event::Clinical(ClinicalEvent::Ordered(_)) | Event::Alarm(_) => true,
            Event::Choice { .. } => entry.minute > 0 || gave_an_order(&history[index + 1..]),
            _ => false,
        })
        .map(|(_, entry)| entry)
        .collect();
    // A decision's orders and the alarms of its minutes come after it in
    // the history; on the timeline each stands at its minute.
    marked.sort_by_key(|entry| entry.minute);
    marked
}

/// Whether the entries after a decision begin with an order, before the
/// next line, decision or phase.
fn gave_an_order(after: &[Entry]) -> bool {
    after
        .iter()
        .take_while(|entry| {
            !matches!(
                entry.event,
                Event::Line(_) | Event::Choice { .. } | Event::Phase(_) | Event::Ended(_)
            )
        })
        .any(|entry| matches!(entry.event, Event::Clinical(ClinicalEvent::Ordered(_))))
}

//! A card per class (or per block of a college whose classes the notice does not list): everything
//! one student needs on one screen, at its own link (`#c-<class>`), under its college on the
//! notice page. The finder searches these cards and shows copies of them, so every time a student
//! reads on the page comes from the same [`Shown`](crate::schedule::Shown).

use super::i18n::{lang, Filler};
use super::paths;
use super::view::{anchor, Lang};
use super::Outputs;
use crate::notice::model::Notice;
use crate::schedule::{early_minutes, Slot, Timetable};
use pinyin::ToPinyin;
use serde::Serialize;

/// One time and place a class (or block) is due: a class is usually due once.
#[derive(Serialize, Clone)]
pub struct Visit {
    /// `4月12日（周六）`.
    pub date: String,
    /// `08:00–08:19`: the class's own minutes.
    pub time: String,
    /// "07:45 前到场", only when the notice gives `arrive_early_minutes`.
    pub arrive_by: Option<String>,
    pub room: String,
    pub room_href: String,
    /// How to find the room, when the notice says (`rooms[].directions`).
    pub directions: Option<String>,
    /// "2号机位", empty for a room with one station.
    pub station: String,
    /// ISO date and `HH:MM` start and end, for scripts (the room page's "now and next").
    pub iso: String,
    pub start: String,
    pub end: String,
}

#[derive(Serialize, Clone)]
pub struct Card {
    /// The card's id (`c-…`, the link a class shares); `None` on a copy under a second college of
    /// a block that several colleges share (ids are unique on a page).
    pub id: Option<String>,
    pub anchor: String,
    /// The class, or the college for a block without classes.
    pub name: String,
    /// The college (several joined for display when a block is shared).
    pub college: String,
    /// The colleges the card is filed under (one for a class).
    #[serde(skip)]
    pub colleges: Vec<String>,
    pub persons: Option<String>,
    pub visits: Vec<Visit>,
    /// The class's calendar (the college's for a block without classes).
    pub ics_href: Option<String>,
    /// The finder's option text: college and class, unique on the page.
    pub label: String,
    /// Pinyin initials of the name and the college (`jsj2101 jsjxy`), for the finder.
    pub initials: String,
}

/// Every college's cards, in `tt.colleges()` order, with links from the notice's folder.
pub fn college_cards(n: &Notice, tt: &Timetable, outputs: &Outputs, l: &Lang) -> Vec<Vec<Card>> {
    let dir = paths::notice_dir(&n.slug);
    let early = early_minutes(n);
    let arrive_by = Filler::new(l.t, "arrive_by");
    let persons = Filler::new(l.t, "persons");
    let station_n = Filler::new(l.t, "station_n");
    let visit = |s: &Slot, start, end| {
        let shown = crate::schedule::Shown::new(start, end, early);
        let room = n.capture.room(&s.room);
        let stations = room.and_then(|r| r.stations.as_ref()).map_or(1, |st| st.value);
        Visit {
            date: lang::short(s.date, l.lang),
            time: shown.span(),
            arrive_by: shown.arrive_label().map(|a| arrive_by.fill(&a)),
            room: room.map_or_else(|| s.room.clone(), |r| r.name.value.clone()),
            room_href: paths::relative(&dir, &paths::room_page(&n.slug, &s.room)),
            directions: room.and_then(|r| r.directions.as_ref()).map(|d| d.value.clone()),
            station: if stations <= 1 || s.stations.len() as u32 == stations {
                String::new()
            } else {
                s.stations.iter().map(|x| station_n.fill(&x.to_string())).collect::<Vec<_>>().join("、")
            },
            iso: s.date.format("%Y-%m-%d").to_string(),
            start: shown.start_label(),
            end: shown.end_label(),
        }
    };
    // Every class (or class-less block) once, in timetable order, with each time it is due.
    let mut cards: Vec<Card> = Vec::new();
    // Open slots (walk-in, keyed by audience) name no college or class to look up: the timetable
    // shows them to everyone.
    for s in tt.slots.iter().filter(|s| !s.open) {
        // Id, name, colleges, headcount, visit.
        type Unit = (String, String, Vec<String>, Option<u32>, Visit);
        let units: Vec<Unit> = if s.classes.is_empty() {
            vec![(
                anchor(&format!("{}-{}", s.colleges.label(), s.part)),
                s.colleges.shown(),
                s.colleges.to_vec(),
                s.headcount,
                visit(s, s.start, s.end),
            )]
        } else {
            s.classes
                .iter()
                .map(|c| {
                    (
                        anchor(&c.name),
                        c.name.clone(),
                        vec![college_of(n, &c.name, s.colleges.first())],
                        c.headcount,
                        visit(s, c.start, c.end),
                    )
                })
                .collect()
        };
        for (id, name, colleges, headcount, v) in units {
            let college = colleges.join(" · ");
            if let Some(card) = cards.iter_mut().find(|c| c.anchor == id) {
                card.visits.push(v);
                continue;
            }
            let ics_href = match (outputs.ics, s.classes.is_empty(), colleges.first()) {
                (false, _, _) | (true, true, None) => None,
                (true, true, Some(first)) => Some(paths::relative(&dir, &paths::college_ics(&n.slug, first))),
                (true, false, _) => Some(paths::relative(&dir, &paths::class_ics(&n.slug, &name))),
            };
            let initials = if name == college { initials(&name) } else { format!("{} {}", initials(&name), initials(&college)) };
            cards.push(Card {
                id: Some(id.clone()),
                anchor: id,
                label: if name == college { format!("{college} {} {}", v.date, v.time) } else { format!("{college} {name}") },
                name,
                college,
                colleges,
                persons: headcount.map(|h| persons.fill(&h.to_string())),
                visits: vec![v],
                ics_href,
                initials,
            });
        }
    }
    unique_labels(&mut cards);
    tt.colleges()
        .into_iter()
        .map(|col| {
            cards
                .iter()
                .filter(|c| c.colleges.iter().any(|x| x == col))
                // The card's own place is under its first college; elsewhere a copy.
                .map(|c| Card { id: (c.colleges.first().is_some_and(|x| x == col)).then(|| c.anchor.clone()), ..c.clone() })
                .collect()
        })
        .collect()
}

/// The college of a class as the roster gives it, else the first college of its block.
fn college_of(n: &Notice, class: &str, block_first: &str) -> String {
    n.capture
        .groups
        .iter()
        .find(|g| g.class.as_ref().is_some_and(|c| c.value == class))
        .map_or_else(|| block_first.to_string(), |g| g.college.value.clone())
}

/// Two cards never read the same in the finder: a repeated label gets its first time added.
fn unique_labels(cards: &mut [Card]) {
    for i in 0..cards.len() {
        if cards.iter().filter(|c| c.label == cards[i].label).count() > 1 {
            let v = &cards[i].visits[0];
            let more = format!("{} {} {}", cards[i].label, v.date, v.time);
            cards[i].label = more;
        }
    }
}

/// Pinyin initials of a name, its Latin letters and digits kept (`计算机2101` → `jsj2101`).
pub fn initials(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next(),
            None if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            None => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_of_class_names() {
        assert_eq!(initials("计算机科学与技术2101"), "jsjkxyjs2101");
        assert_eq!(initials("汉语言文学（师范）"), "hyywxsf");
        assert_eq!(initials("MBA班"), "mbab");
    }
}

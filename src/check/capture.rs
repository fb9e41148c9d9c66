//! The capture plan's own structure: rooms, groups.

use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::notice::model::Notice;

pub fn check(n: &Notice, out: &mut Vec<Diagnostic>) {
    let rooms = &n.capture.rooms;
    for (i, r) in rooms.iter().enumerate() {
        if let Some(first) = rooms[..i].iter().find(|o| o.id.value == r.id.value) {
            out.push(
                Diagnostic::error(Code::RoomDuplicate, &r.id.loc, format!("房间代号「{}」用了两次", r.id.value))
                    .related(&first.id.loc, "第一次在这里")
                    .help("每个房间用不同的代号；同一房间有多个机位时写 stations"),
            );
        }
    }
    if n.capture.roster.is_none() {
        let groups = &n.capture.groups;
        for (i, g) in groups.iter().enumerate() {
            if let Some(first) = groups[..i]
                .iter()
                .find(|o| o.college.value == g.college.value && o.class.as_ref().map(|c| &c.value) == g.class.as_ref().map(|c| &c.value))
            {
                out.push(
                    Diagnostic::error(Code::RosterDuplicateClass, &g.loc, format!("「{}」在 groups 里出现了两次", g.name()))
                        .related(&first.loc, "第一次在这里")
                        .help("删掉重复的一项，或把人数合并"),
                );
            }
        }
    }
}

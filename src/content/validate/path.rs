//! Where a value lies in its file, built one step at a time.

use crate::content::locate::Seg;
use crate::content::parse::ContentFile;

/// The steps from the top of a file down to one value in it, as
/// `Located::pos_of` follows them.
///
/// Each step returns a new path and leaves this one as it was, so that one
/// parent serves several children: `node.field("speaker")`,
/// `node.field("text")`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Path(Vec<Seg<'static>>);

impl Path {
    /// Where `file` has the entry `key` of its map `field` (the map as a
    /// whole when it has none).
    pub(super) fn entry<T>(file: &ContentFile<T>, field: &'static str, key: &str) -> Path {
        let map = Path::root().field(field);
        match file.located.entry_index(map.segs(), key) {
            Some(k) => map.index(k),
            None => map,
        }
    }

    /// The file as a whole.
    pub(super) fn root() -> Path {
        Path::default()
    }

    /// The field `name` of the value here.
    pub(super) fn field(&self, name: &'static str) -> Path {
        self.then(Seg::Field(name))
    }

    /// The element at `index`, from 0, of the list or tuple here.
    pub(super) fn index(&self, index: usize) -> Path {
        self.then(Seg::Index(index))
    }

    /// The steps, from the top.
    pub(super) fn segs(&self) -> &[Seg<'static>] {
        &self.0
    }

    fn then(&self, seg: Seg<'static>) -> Path {
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(seg);
        Path(segs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_makes_a_new_path() {
        let node = Path::root().field("nodes").index(2);
        let speaker = node.field("speaker");
        assert_eq!(node.segs(), [Seg::Field("nodes"), Seg::Index(2)]);
        assert_eq!(
            speaker.segs(),
            [Seg::Field("nodes"), Seg::Index(2), Seg::Field("speaker")]
        );
        assert!(Path::root().segs().is_empty());
    }
}

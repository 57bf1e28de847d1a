//! What a story's files may ask of the machine that plays them. A story
//! (the shipped one, a folder given with `--scenes`, a mod) is data only:
//! every file it names lies inside its folder, and each file, scene and
//! picture has a size limit, so that a broken or hostile folder gives an
//! error at its line and column instead of reading elsewhere or exhausting
//! memory. `check` and the desktop game read through [`read_inside`]; the
//! browser fetches from the address the game was served from, which has
//! no links to follow, and its files meet the same size limits when parsed.

use std::io::{self, Read};
use std::path::Path;

/// The most bytes a RON content file may have; the longest shipped scene
/// has about 100 KB, a generated scene of 10,000 nodes 1.3 MB.
pub const MAX_FILE_BYTES: usize = 4 << 20;
/// The most bytes an SVG picture may have; the shipped ones have 12 KB at
/// the most.
pub const MAX_PICTURE_BYTES: usize = 512 << 10;
/// The most nodes a scene may have; the longest shipped scene has about
/// 300.
pub const MAX_NODES: usize = 20_000;
/// The most XML elements a picture may have, counting each `<use>` as the
/// copy it makes; the shipped ones have under 200.
pub const MAX_PICTURE_ELEMENTS: usize = 20_000;

/// Why `name`, a file named by a story, does not stay inside the story's
/// folder, if it does not: it must be relative, written with `/`, without
/// `..`, `.`, empty parts or characters that name other places (`:`, `\`).
pub fn outside_folder(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("the name is empty")
    } else if name.starts_with('/') || name.contains(':') {
        Some("it is an absolute path")
    } else if name.contains('\\') {
        Some("it is written with `\\`")
    } else if name.chars().any(char::is_control) {
        Some("it has control characters")
    } else if name.contains('#') {
        Some("it has a `#`, which the game reads as the start of a label")
    } else if name.split('/').any(|part| part == "..") {
        Some("it leads out of the folder with `..`")
    } else if name.split('/').any(|part| part.is_empty() || part == ".") {
        Some("it has an empty part or `.`")
    } else {
        None
    }
}

/// The most bytes the file `name` may have: a picture's or a content
/// file's limit.
pub fn size_limit(name: &str) -> usize {
    if name.to_ascii_lowercase().ends_with(".svg") {
        MAX_PICTURE_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// Why a file of `bytes` bytes is too large for the `limit`, if it is.
pub fn too_large(bytes: usize, limit: usize) -> Option<String> {
    (bytes > limit)
        .then(|| format!("the file has {bytes} bytes; a file like it may have {limit} at the most"))
}

/// Reads the file `name` of the folder `root` as text, refusing what
/// [`read_bytes_inside`] refuses and text that is not UTF-8.
pub fn read_inside(root: &Path, name: &str) -> io::Result<String> {
    String::from_utf8(read_bytes_inside(root, name)?).map_err(|err| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("it is not UTF-8 text: {err}"),
        )
    })
}

/// Reads the file `name` of the folder `root`, refusing a name that leads
/// out of it, a link that does, what is not a regular file (a device, a
/// pipe), and a file over its size limit (no more than one byte past the
/// limit is ever read, however the file grows meanwhile).
pub fn read_bytes_inside(root: &Path, name: &str) -> io::Result<Vec<u8>> {
    let refused = |kind: io::ErrorKind, why: String| io::Error::new(kind, why);
    if let Some(why) = outside_folder(name) {
        return Err(refused(io::ErrorKind::PermissionDenied, why.to_owned()));
    }
    let root = root.canonicalize()?;
    let path = root.join(name).canonicalize()?;
    if !path.starts_with(&root) {
        return Err(refused(
            io::ErrorKind::PermissionDenied,
            "it is a link that leads out of the folder".to_owned(),
        ));
    }
    // Asked before opening too: opening a pipe waits for a writer.
    let not_a_file = || {
        refused(
            io::ErrorKind::InvalidInput,
            "it is not a regular file".to_owned(),
        )
    };
    if !std::fs::metadata(&path)?.is_file() {
        return Err(not_a_file());
    }
    let file = std::fs::File::open(&path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(refused(
            io::ErrorKind::InvalidInput,
            "it is not a regular file".to_owned(),
        ));
    }
    let limit = size_limit(name);
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        let size = usize::try_from(metadata.len())
            .unwrap_or(usize::MAX)
            .max(bytes.len());
        return Err(refused(
            io::ErrorKind::InvalidData,
            too_large(size, limit).unwrap_or_default(),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside_the_folder() {
        for inside in ["ch1.ron", "art/lamp.svg", "a/b/c.ron", "x..y.ron"] {
            assert_eq!(outside_folder(inside), None, "{inside}");
        }
        for outside in [
            "",
            "../secret.ron",
            "art/../../x.svg",
            "/etc/passwd",
            "C:/x.ron",
            "art\\x.svg",
            "art//x.svg",
            "./x.ron",
            "a\nb.ron",
        ] {
            assert!(outside_folder(outside).is_some(), "{outside:?}");
        }
    }

    #[test]
    fn a_file_over_its_limit_is_refused() {
        assert_eq!(too_large(MAX_FILE_BYTES, size_limit("a.ron")), None);
        assert!(too_large(MAX_FILE_BYTES + 1, size_limit("a.ron")).is_some());
        assert!(too_large(MAX_PICTURE_BYTES + 1, size_limit("a.SVG")).is_some());
    }

    /// A scratch folder `story` inside a folder of its own, removed when
    /// dropped (also when a test fails).
    struct Scratch(std::path::PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn reading_refuses_what_leads_out_what_is_too_large_and_what_is_no_file() {
        let base =
            Scratch(std::env::temp_dir().join(format!("famulant-limits-{}", std::process::id())));
        let _ = std::fs::remove_dir_all(&base.0);
        let story = base.0.join("story");
        std::fs::create_dir_all(story.join("art")).unwrap();
        std::fs::write(base.0.join("secret.ron"), "()").unwrap();
        std::fs::write(story.join("ok.ron"), "()").unwrap();
        std::fs::write(story.join("big.svg"), vec![b' '; MAX_PICTURE_BYTES + 1]).unwrap();
        assert_eq!(read_inside(&story, "ok.ron").unwrap(), "()");
        let denied = |name: &str| read_inside(&story, name).unwrap_err().to_string();
        assert!(denied("../secret.ron").contains("`..`"));
        assert!(denied("big.svg").contains(&format!("{} bytes", MAX_PICTURE_BYTES + 1)));
        assert!(denied("art").contains("not a regular file"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.0.join("secret.ron"), story.join("link.ron")).unwrap();
            assert!(denied("link.ron").contains("link"));
        }
    }
}

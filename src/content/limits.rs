//! What a story's files may ask of the machine that plays them. A story
//! (the shipped one, a folder given with `--scenes`, later a mod) is data
//! only: every file it names lies inside its folder, and each file, scene
//! and picture has a size limit, so that a broken or hostile folder gives
//! an error at its line and column instead of reading elsewhere or
//! exhausting memory.

use std::io;
use std::path::{Path, PathBuf};

/// The most bytes a RON content file may have; the longest shipped scene
/// has about 100 KB.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// The most bytes an SVG picture may have; the shipped ones have 12 KB at
/// the most.
pub const MAX_PICTURE_BYTES: usize = 512 << 10;
/// The most nodes a scene may have; the longest shipped scene has about
/// 300.
pub const MAX_NODES: usize = 5000;
/// The longest side a picture may declare, in its own units; the shipped
/// ones are under 1000.
pub const MAX_PICTURE_SIDE: f32 = 8192.0;

/// Why `name`, a file named by a story, does not stay inside the story's
/// folder, if it does not: it must be relative, written with `/`, without
/// `..`, empty parts or characters that name other places (`:`, `\`).
pub fn outside_folder(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("the name is empty")
    } else if name.starts_with('/') || name.contains(':') {
        Some("it is an absolute path")
    } else if name.contains('\\') {
        Some("it is written with `\\`")
    } else if name.chars().any(char::is_control) {
        Some("it has control characters")
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
    if name.ends_with(".svg") {
        MAX_PICTURE_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// Why a file of `bytes` bytes named `name` is too large, if it is.
pub fn too_large(name: &str, bytes: usize) -> Option<String> {
    let limit = size_limit(name);
    (bytes > limit)
        .then(|| format!("the file has {bytes} bytes; a file like it may have {limit} at the most"))
}

/// Reads the file `name` of the folder `root`, refusing what [`confined`]
/// refuses.
pub fn read_inside(root: &Path, name: &str) -> io::Result<String> {
    std::fs::read_to_string(confined(root, name)?)
}

/// Where the file `name` of the folder `root` lies, refusing a name that
/// leads out of it, a link that does, and a file over its size limit.
pub fn confined(root: &Path, name: &str) -> io::Result<PathBuf> {
    let refused = |why: String| io::Error::new(io::ErrorKind::PermissionDenied, why);
    if let Some(why) = outside_folder(name) {
        return Err(refused(why.to_owned()));
    }
    let root = root.canonicalize()?;
    let path = root.join(name).canonicalize()?;
    if !path.starts_with(&root) {
        return Err(refused(
            "it is a link that leads out of the folder".to_owned(),
        ));
    }
    let bytes = std::fs::metadata(&path)?.len();
    if let Some(why) = too_large(name, usize::try_from(bytes).unwrap_or(usize::MAX)) {
        return Err(refused(why));
    }
    Ok(path)
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
        assert_eq!(too_large("a.ron", MAX_FILE_BYTES), None);
        assert!(too_large("a.ron", MAX_FILE_BYTES + 1).is_some());
        assert!(too_large("a.svg", MAX_PICTURE_BYTES + 1).is_some());
    }

    #[test]
    fn reading_refuses_what_leads_out_and_what_is_too_large() {
        let base = std::env::temp_dir().join(format!("famulant-limits-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let story = base.join("story");
        std::fs::create_dir_all(&story).unwrap();
        std::fs::write(base.join("secret.ron"), "()").unwrap();
        std::fs::write(story.join("ok.ron"), "()").unwrap();
        std::fs::write(story.join("big.svg"), vec![b' '; MAX_PICTURE_BYTES + 1]).unwrap();
        assert_eq!(read_inside(&story, "ok.ron").unwrap(), "()");
        let denied = |name: &str| read_inside(&story, name).unwrap_err().to_string();
        assert!(denied("../secret.ron").contains("`..`"));
        assert!(denied("big.svg").contains("bytes"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("secret.ron"), story.join("link.ron")).unwrap();
            assert!(denied("link.ron").contains("link"));
        }
        std::fs::remove_dir_all(base).unwrap();
    }
}

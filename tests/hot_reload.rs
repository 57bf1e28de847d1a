//! A modder edits a scene file while the game runs: the change shows up
//! without a restart, a mistake is reported with its place, and fixing it
//! brings the story back.

mod common;

use common::{TestGame, copy_of_scenes};
use famulant::content::{ContentStatus, Lang};
use famulant::story::CurrentBeat;

fn first_line_text(game: &TestGame) -> String {
    match game.beat() {
        CurrentBeat::Line(line) => line.text.get(Lang::De).to_owned(),
        other => panic!("expected the first line, got {other:?}"),
    }
}

#[test]
fn an_edited_scene_reloads_while_playing() {
    let dir = copy_of_scenes("hot-reload");
    let mut game = TestGame::with_scenes(&dir, true);
    game.start();
    let before = first_line_text(&game);

    // The scene that holds the first line.
    let manifest = std::fs::read_to_string(dir.join("index.ron")).unwrap();
    let file = dir.join(
        manifest
            .split("scenes:")
            .nth(1)
            .unwrap()
            .split('"')
            .nth(1)
            .unwrap(),
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let quoted = format!("\"{before}\"");
    assert!(
        text.contains(&quoted),
        "the first line is written in {}",
        file.display()
    );

    // A mistake: shown as an error with the file's place, the story waits.
    std::fs::write(&file, text.replacen(&quoted, &format!("{quoted} oops"), 1)).unwrap();
    game.update_until("the error to show", |w| {
        matches!(w.resource::<ContentStatus>(), ContentStatus::Broken(_))
    });
    let ContentStatus::Broken(errors) = game.status().clone() else {
        unreachable!()
    };
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(errors[0].file.ends_with(&name), "{errors:?}");
    assert!(errors[0].pos.line > 1, "{errors:?}");

    // The fix, with a new text: the line on screen changes in place.
    std::fs::write(
        &file,
        text.replacen(&quoted, "\"Ein neuer erster Satz, frisch geladen.\"", 1),
    )
    .unwrap();
    game.update_until("the new text", |w| {
        matches!(w.resource::<CurrentBeat>(), CurrentBeat::Line(l) if l.text.get(Lang::De) == "Ein neuer erster Satz, frisch geladen.")
    });
    assert!(matches!(game.status(), ContentStatus::Ready { .. }));
    std::fs::remove_dir_all(dir).unwrap();
}

//! A QR code of a share link, drawn as SVG so it stays sharp at any size.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin around the code, as the QR standard asks.
const QUIET: usize = 4;

/// The most bytes a QR code holds (version 40, error correction L, bytes).
pub const MAX_BYTES: usize = 2953;

/// True if `text` fits in a QR code (without making it).
pub fn fits(text: &str) -> bool {
    text.len() <= MAX_BYTES
}

/// The SVG of a QR code holding `text`, or `None` if it is too long for
/// any QR code. Error correction is the lowest level (L): the code stays
/// as coarse as possible, which old phone cameras need more than damage
/// tolerance on a screen.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET;
    // One path for the whole code, a rectangle per run of dark modules in
    // a row: far smaller than an element per module.
    let mut path = String::with_capacity(width * width);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// The modules of the code (true is dark) and its width, for tests that
/// decode it with an independent reader.
pub fn modules(text: &str) -> Option<(Vec<bool>, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    Some((
        code.to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
        width,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typical_share_link_makes_a_code_an_independent_reader_decodes() {
        let summary = crate::share::summary::typical("2026-11-21T10:00:00Z".parse().unwrap());
        let link = format!(
            "https://alongside.example/review#{}",
            crate::share::link::plain(&summary)
        );
        let (dark, width) = modules(&link).unwrap();
        // Draw it at 4 pixels a module with the quiet zone, as a camera
        // would see it on screen, and read it with rqrr.
        let scale = 4;
        let size = (width + 2 * QUIET) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
            let (mx, my) = (
                (x / scale) as isize - QUIET as isize,
                (y / scale) as isize - QUIET as isize,
            );
            let inside = mx >= 0 && my >= 0 && (mx as usize) < width && (my as usize) < width;
            if inside && dark[my as usize * width + mx as usize] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, link);
        let svg = svg(&link).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("viewBox"));
    }

    #[test]
    fn text_too_long_for_any_code_gives_none() {
        assert!(svg(&"a".repeat(5_000)).is_none());
    }

    #[test]
    fn fits_says_exactly_what_a_code_can_hold() {
        let longest = "a".repeat(MAX_BYTES);
        assert!(fits(&longest) && svg(&longest).is_some());
        let over = "a".repeat(MAX_BYTES + 1);
        assert!(!fits(&over) && svg(&over).is_none());
    }
}

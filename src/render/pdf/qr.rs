//! QR codes drawn as vector paths: one filled rectangle per horizontal run of dark modules, all
//! in one path (no seams between modules when printed or zoomed).

use super::canvas::{Canvas, BLACK};
use anyhow::{Context, Result};
use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// Draws a QR code for `data` with its top-left corner (quiet zone included) at (x, y) and a
/// side of `size` points. Error correction M survives a scuffed poster.
pub(crate) fn draw(canvas: &mut Canvas, data: &str, x: f32, y: f32, size: f32) -> Result<()> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .with_context(|| format!("无法为「{data}」生成二维码（地址太长）"))?;
    let n = code.width();
    let colors = code.to_colors();
    let module = size / (n + 2 * QUIET_ZONE) as f32;
    let mut rects = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == Color::Dark {
                    col += 1;
                }
                let rx = x + (start + QUIET_ZONE) as f32 * module;
                let ry = y + (row + QUIET_ZONE) as f32 * module;
                rects.push((rx, ry, (col - start) as f32 * module, module));
            } else {
                col += 1;
            }
        }
    }
    canvas.fill_rects(&rects, BLACK);
    Ok(())
}

//! A notice's Markdown body as safe HTML: no scripts, event handlers or `javascript:` links.
//!
//! Markdown without raw HTML can only become the tags and attributes pulldown-cmark writes, with
//! its text and attributes escaped; what is left to check is where links and images point. Such a
//! body is written directly, with the same `rel` on links as the sanitiser adds. A body with raw
//! HTML, a link or image with any other scheme, or markup whose attributes the sanitiser drops
//! (aligned table columns, a code block's language) goes through ammonia. Either way the page holds
//! the same elements, attributes and text (see the tests).

use pulldown_cmark::{html, CodeBlockKind, Event, LinkType, Options, Parser, Tag};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::sync::LazyLock;

/// The Markdown a body is read as, on the page and in the printed notice alike.
pub const MARKDOWN: Options = crate::check::attach::MARKDOWN;

/// The `rel` every link gets: a page opened from the notice cannot reach back into it.
const LINK_REL: &str = "noopener noreferrer";

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.link_rel(Some(LINK_REL));
    b
});

/// Markdown body → sanitised HTML.
pub fn body_html(md: &str) -> String {
    let events: Vec<Event> = Parser::new_ext(md, MARKDOWN).collect();
    let mut out = String::with_capacity(md.len() + md.len() / 2);
    if events.iter().all(plain) {
        html::push_html(&mut out, events.into_iter().map(with_rel));
        return out;
    }
    html::push_html(&mut out, events.into_iter());
    CLEANER.clean(&out).to_string()
}

/// Whether the sanitiser would keep `e` as pulldown-cmark writes it.
fn plain(e: &Event) -> bool {
    match e {
        Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::Rule | Event::End(_) => true,
        Event::Start(tag) => match tag {
            Tag::Paragraph
            | Tag::List(_)
            | Tag::Item
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::CodeBlock(CodeBlockKind::Indented) => true,
            Tag::Heading { id, classes, attrs, .. } => id.is_none() && classes.is_empty() && attrs.is_empty(),
            Tag::BlockQuote(kind) => kind.is_none(),
            // `class="language-…"`: the sanitiser drops the class.
            Tag::CodeBlock(CodeBlockKind::Fenced(lang)) => lang.is_empty(),
            // `style="text-align: …"` on the cells: the sanitiser drops the style.
            Tag::Table(aligns) => aligns.iter().all(|a| *a == pulldown_cmark::Alignment::None),
            Tag::Link { link_type: LinkType::Email, .. } => true,
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => safe_url(dest_url),
            _ => false,
        },
        // Raw HTML, and what only other parser options produce.
        _ => false,
    }
}

/// A URL the sanitiser keeps as written: relative (no scheme), or http(s), mailto or tel.
fn safe_url(url: &str) -> bool {
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if url.as_bytes()[i] == b':' => {
            let scheme = &url[..i];
            ["http", "https", "mailto", "tel"].iter().any(|s| scheme.eq_ignore_ascii_case(s))
        }
        _ => true,
    }
}

/// A link's opening tag written with the sanitiser's `rel`, after its other attributes.
fn with_rel(e: Event) -> Event {
    let Event::Start(Tag::Link { link_type, dest_url, title, .. }) = &e else { return e };
    let mut a = String::from("<a href=\"");
    if *link_type == LinkType::Email {
        a.push_str("mailto:");
    }
    // Writing to a String cannot fail.
    let _ = escape_href(&mut a, dest_url);
    if !title.is_empty() {
        a.push_str("\" title=\"");
        let _ = escape_html(&mut a, title);
    }
    a.push_str("\" rel=\"");
    a.push_str(LINK_REL);
    a.push_str("\">");
    Event::InlineHtml(a.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What ammonia makes of `html` when it may keep everything pulldown-cmark can write, any
    /// scheme included: the same parse and serialisation as [`CLEANER`], nothing removed.
    fn as_parsed(html: &str) -> String {
        static KEEP_ALL: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
            let mut b = ammonia::Builder::default();
            b.link_rel(None);
            b.add_generic_attributes(["style", "class", "id", "rel", "type", "checked", "disabled"]);
            b.add_url_schemes(["javascript", "data", "vbscript", "file"]);
            b
        });
        KEEP_ALL.clean(html).to_string()
    }

    /// The old way: everything through the sanitiser.
    fn cleaned(md: &str) -> String {
        let mut raw = String::new();
        html::push_html(&mut raw, Parser::new_ext(md, MARKDOWN));
        CLEANER.clean(&raw).to_string()
    }

    /// The page's HTML has the elements, attributes and text the sanitiser would publish: parsed,
    /// the body is the sanitised body.
    fn same_as_sanitised(md: &str) {
        let got = body_html(md);
        assert_eq!(as_parsed(&got), cleaned(md), "for {md:?}\nwrote {got:?}");
    }

    #[test]
    fn plain_markdown_is_written_as_the_sanitiser_would_publish_it() {
        for md in [
            "## 采集说明\n\n请**按时**到场，*不要*迟到。\n\n1. 登录学信网\n2. 查看采集码\n\n- 穿有领衣服\n- 不戴首饰\n",
            "见 [学信网](https://www.chsi.com.cn/ \"学信网\") 与 <https://www.chsi.com.cn>，或写信 <jwc@example.edu.cn>。",
            "[相对](../2026/a.md) [锚点](#tt) [电话](tel:0731-88888888) [邮件](mailto:a@b.cn) ![照片](img/a.png \"示例\")",
            "| 学院 | 时间 |\n| --- | --- |\n| 文学院 | 8:00 |\n\n> 注意：\n> 逾期不补。\n\n---\n\n```\n代码 <b>\n```\n\n    缩进\n",
            "a & b < c > d \"e\" 'f'  \nnext ~~删~~ `x<y`",
            "[x](https://a.cn/?q=1&r=\"2\")",
        ] {
            assert!(Parser::new_ext(md, MARKDOWN).all(|e| plain(&e)), "{md}");
            same_as_sanitised(md);
        }
    }

    #[test]
    fn raw_html_and_other_schemes_still_go_through_the_sanitiser() {
        for md in [
            "<script>alert(1)</script>正文",
            "文字 <img src=x onerror=alert(1)> 文字",
            "[点我](javascript:alert(1)) [数据](data:text/html,x) [大写](JavaScript:alert(1))",
            "![x](vbscript:msgbox)",
            "| 左 | 中 |\n| :-- | :-: |\n| a | b |",
            "```html\n<b>x</b>\n```",
            "<div onclick=\"x()\">块</div>",
        ] {
            let got = body_html(md);
            assert_eq!(got, cleaned(md), "{md}");
            let lower = got.to_lowercase();
            assert!(!lower.contains("<script") && !lower.contains("onerror") && !lower.contains("onclick"), "{got}");
            assert!(!lower.contains("javascript:") && !lower.contains("vbscript:") && !lower.contains("data:"), "{got}");
        }
    }

    #[test]
    fn schemes_are_read_as_the_sanitiser_reads_them() {
        assert!(safe_url("https://x.cn") && safe_url("HTTP://x") && safe_url("mailto:a@b") && safe_url("tel:1"));
        assert!(safe_url("a/b:c") && safe_url("?q=a:b") && safe_url("#x:y") && safe_url("//x.cn/a") && safe_url(""));
        assert!(!safe_url("javascript:x") && !safe_url("java\tscript:x") && !safe_url(" javascript:x") && !safe_url("data:x"));
    }

    proptest! {
        /// Any Markdown built from these pieces is published as the sanitiser would publish it.
        #[test]
        fn every_body_is_published_as_sanitised(parts in prop::collection::vec(prop_oneof![
            // Links and images whole, to every kind of destination.
            (prop::sample::select(vec!["[链接](", "![图](", "[x]("]), prop::sample::select(vec![
                "https://x.cn/a?b=1&c=2", "HTTP://x.cn", "javascript:alert(1)", "JavaScript:x", "data:text/html,x", "tel:1",
                "mailto:a@b.cn", "../a.md", "#x", "a:b", "/a:b", "vbscript:x", "<java script:x>", "x \"题\"", "",
            ])).prop_map(|(a, b)| format!("{a}{b})")),
            prop::sample::select(vec![
                "文字", "a", " ", "\n", "\n\n", "**", "*", "_", "~~", "`", "# ", "## ", "- ", "1. ", "3. ", "> ", "    ", "```", "```js\n",
                "| a | b |\n", "| --- | :-: |\n", "| --- | --- |\n", "[链接](", "](", ")", "\"", "'", "<", ">", "&", "<b>", "</b>",
                "<https://x.cn>", "<a@b.cn>", "<javascript:x>", "<script>", "&amp;", "&nbsp;", "\\", "---\n", "  \n",
            ]).prop_map(String::from),
        ], 0..24)) {
            let md = parts.concat();
            let got = body_html(&md);
            prop_assert_eq!(as_parsed(&got), cleaned(&md), "for {:?}", md);
        }
    }
}

//! `tuxiang import` on the three seed notices (text pasted out of the schools' PDFs) and on the
//! Word documents made from them (tests/fixtures/import/make_docx.py): every fact the
//! hand-checked expectation file lists, none that it does not; never over an existing draft.

use crate::harness::{manifest_dir, run, stderr, stdout};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SEEDS: &[&str] = &["xiangdian-2024", "hnust-2026", "hunnu-2022"];
/// Three more schools' notices as their web pages give them (text only), first tried held out:
/// a campus label per room line, a capture sentence that says 毕业生, a place only where 在…进行
/// names one, a contact named after 联系.
const MORE: &[&str] = &["sdycu", "dicp", "huanghuai"];

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures/import").join(name)
}

fn facts(root: &Path, source: &Path) -> BTreeSet<(String, String)> {
    let o = run(root, &["import", source.to_str().expect("utf-8 path"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json report");
    v["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .map(|f| (f["key"].as_str().unwrap_or("").to_string(), f["value"].as_str().unwrap_or("").to_string()))
        .collect()
}

fn expected(seed: &str) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(fixture(&format!("{seed}.expected"))).expect("expectation file");
    text.lines().filter_map(|l| l.split_once('\t')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn seeds_import_every_expected_fact_and_nothing_else() {
    for seed in SEEDS.iter().chain(MORE) {
        let site = tempfile::tempdir().expect("tempdir");
        let got = facts(site.path(), &fixture(&format!("{seed}.txt")));
        let want = expected(seed);
        let wrong: Vec<_> = got.difference(&want).collect();
        let missing: Vec<_> = want.difference(&got).collect();
        assert!(wrong.is_empty() && missing.is_empty(), "{seed}: wrong {wrong:#?}\nmissing {missing:#?}");
        assert!(site.path().join(format!("content/{seed}.md")).is_file());
    }
}

#[test]
fn word_documents_import_nothing_wrong_and_nine_in_ten() {
    for seed in SEEDS {
        let site = tempfile::tempdir().expect("tempdir");
        let got = facts(site.path(), &fixture(&format!("{seed}.docx")));
        let want = expected(seed);
        let wrong: Vec<_> = got.difference(&want).collect();
        assert!(wrong.is_empty(), "{seed}.docx: wrong {wrong:#?}");
        let right = got.intersection(&want).count();
        assert!(right * 10 >= want.len() * 9, "{seed}.docx: {right} of {} facts", want.len());
    }
}

#[test]
fn an_existing_draft_is_kept_without_force() {
    let site = tempfile::tempdir().expect("tempdir");
    let src = fixture("hnust-2026.txt");
    let src = src.to_str().expect("utf-8");
    assert_eq!(run(site.path(), &["import", src]).status.code(), Some(0));
    let draft = site.path().join("content/hnust-2026.md");
    std::fs::write(&draft, "mine").expect("write");
    let again = run(site.path(), &["import", src]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&draft).expect("read"), "mine");
    assert_eq!(run(site.path(), &["import", src, "--force"]).status.code(), Some(0));
    assert!(std::fs::read_to_string(&draft).expect("read").starts_with("---\n"));
    let leftovers: Vec<_> = std::fs::read_dir(site.path().join("content"))
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn an_unreadable_source_exits_2_and_writes_nothing() {
    let site = tempfile::tempdir().expect("tempdir");
    let bad = site.path().join("notice.docx");
    std::fs::write(&bad, "not a zip").expect("write");
    let o = run(site.path(), &["import", bad.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("notice.docx"), "{}", stderr(&o));
    assert!(!site.path().join("content").exists());
    let o = run(site.path(), &["import", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The drafts go through `check` like any notice; on this branch `check` still reads only the
/// first version of the format, so what it reports are the facts the sources leave out
/// (missing-field), the v2 fields the drafts use (unknown-key), and a v1 value v2 widens.
#[test]
fn drafts_check_with_only_missing_facts_and_v2_fields_reported() {
    for seed in SEEDS.iter().chain(MORE) {
        let site = tempfile::tempdir().expect("tempdir");
        facts(site.path(), &fixture(&format!("{seed}.txt")));
        let o = run(site.path(), &["check", "--format", "json"]);
        assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
        for d in v["diagnostics"].as_array().expect("diagnostics") {
            let code = d["code"].as_str().unwrap_or("");
            assert!(["missing-field", "unknown-key", "invalid-value"].contains(&code), "{seed}: {d}");
        }
    }
}

/// The fixture `.docx` with one text replaced in word/document.xml (stored, not compressed).
fn docx_with(src: &std::path::Path, from: &str, to: &str, out: &std::path::Path) {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).expect("docx")).expect("zip");
    let mut zout = zip::ZipWriter::new(std::fs::File::create(out).expect("create"));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).expect("entry");
        let name = f.name().expect("entry name").to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read entry");
        if name == "word/document.xml" {
            let text = String::from_utf8(bytes).expect("utf-8");
            assert_eq!(text.matches(from).count(), 1, "{from}");
            bytes = text.replace(from, to).into_bytes();
        }
        zout.start_file(name, opts).expect("start");
        zout.write_all(&bytes).expect("write");
    }
    zout.finish().expect("finish");
}

#[test]
fn check_reads_a_word_notice_directly_and_points_at_its_paragraphs() {
    // The real notice as it is: consistent, so nothing to report.
    let site = tempfile::tempdir().expect("tempdir");
    let src = fixture("hnust-2026.docx");
    let o = run(site.path(), &["check", src.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // The fee typed differently in its second paragraph: reported at that paragraph of the .docx.
    let bad = site.path().join("notice.docx");
    docx_with(&src, "工本费（15元/人）", "工本费（20元/人）", &bad);
    let o = run(site.path(), &["check", bad.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let fee = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["code"] == "fee-body-mismatch")
        .unwrap_or_else(|| panic!("the fee mismatch is reported: {v}"));
    assert!(fee["file"].as_str().unwrap_or("").ends_with("notice.docx"), "{fee}");
    let text = std::fs::read_to_string(fixture("hnust-2026.txt")).expect("txt");
    let want = text.lines().filter(|l| !l.trim().is_empty()).position(|l| l.contains("工本费（15元/人）")).expect("paragraph") + 1;
    assert_eq!(fee["line"], want, "the paragraph of the fee, counted as Word counts paragraphs: {fee}");
    assert!(!site.path().join("content").exists(), "check writes nothing into the site");
}

/// A PDF's text is read through its fonts' ToUnicode maps (CJK included): the notice PDF that
/// `build` makes of the example site's HNUST notice gives back its head and fee. (Its fact-box
/// layout is not a registrar's notice, so only these facts are compared.)
#[test]
fn a_pdf_notice_is_read_through_its_cjk_fonts() {
    let site = tempfile::tempdir().expect("tempdir");
    let content = crate::harness::copy_site(&manifest_dir().join("content"));
    std::fs::rename(content.path(), site.path().join("content")).expect("move content");
    std::fs::copy(manifest_dir().join("site.toml"), site.path().join("site.toml")).expect("site.toml");
    let b = run(site.path(), &["build", "--only", "pdf"]);
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    let pdf = site.path().join("public/2026/hnust-undergrad/notice.pdf");
    let out = tempfile::tempdir().expect("tempdir");
    let got = facts(out.path(), &pdf);
    for (k, v) in [
        ("title", "关于做好2026届毕业生图像信息采集工作的通知"),
        ("school", "湖南科技大学"),
        ("doc_number", "本科生院〔2025〕17号"),
        ("fee.amount", "15"),
        ("fee.deadline", "2025-03-29"),
        // The box of facts under the title: each label with its value, none run into the next.
        ("audience", "已缴费的2026届各专业在籍在校本科学生"),
        ("proofreading", "2025-09-01..2025-09-30"),
    ] {
        assert!(got.contains(&(k.to_string(), v.to_string())), "{k}: {got:#?}");
    }
    // Every example notice's PDF: no fact holds another's words, no group's name holds hours.
    for e in walkdir::WalkDir::new(site.path().join("public")).into_iter().filter_map(Result::ok) {
        if e.file_name() != "notice.pdf" {
            continue;
        }
        let out = tempfile::tempdir().expect("tempdir");
        for (k, v) in facts(out.path(), e.path()) {
            let mixed = match k.as_str() {
                "audience" => v.contains("采集时间") || v.contains("采集地点"),
                "fee.method" => v.contains("采集地点") || v.contains("图像校对"),
                "slot" => v.splitn(4, ' ').nth(3).is_some_and(|g| g.contains(':') || g.contains('•')),
                _ => false,
            };
            assert!(!mixed, "{}: {k} {v}", e.path().display());
        }
    }
}

/// Notices first imported unseen, each with every fact it states written by hand before the
/// importer ran (tests/fixtures/import/unseen/README.md). The first three: 20 of 79 stated facts
/// right and 14 wrong at first (counting a fourth notice not kept here); the next nine: 42 right,
/// 52 wrong as first compared (wordings and formats among them), 155 missing; the next eight: 53
/// right, 29 wrong as first compared, 58 missing; rounds six to nine (seventy kept) as issue 23's
/// note gives them, each expectation holding every fact the importer now gives (each judged right,
/// the same in other words, or neutral such as a page's publishing date) and every stated fact it
/// still misses. Where the importer's
/// wording of a fact says the same as the hand-written one, the expectation is in the importer's
/// words. Nothing may import wrong; what imports right may only grow.
#[test]
fn notices_first_seen_unseen_import_nothing_wrong() {
    let seen = [
        ("sxly", 13),
        ("cjlu", 8),
        ("sdut", 11),
        ("bigc", 22),
        ("fzu", 21),
        ("gcu", 18),
        ("xjtu", 19),
        ("hnzj", 7),
        ("jxutcm", 47),
        ("scau", 13),
        ("upc", 32),
        ("ytgc", 9),
        ("baiyun", 13),
        ("njmu", 13),
        ("sdfmu", 17),
        ("sju", 21),
        ("bjmu", 4),
        ("hit", 10),
        ("mtc", 17),
        ("sspu", 15),
        ("ciit_online", 4),
        ("hebut_grad", 4),
        ("qqhru_cj", 7),
        ("sass_grad", 9),
        ("shisu_grad", 12),
        ("ysu_grad", 16),
        ("aqvtc", 15),
        ("dzu_cj", 10),
        ("gdut", 12),
        ("hnwu_cj", 10),
        ("hunau_cj", 12),
        ("wuyiu", 10),
        ("zjut_intl", 9),
        ("bjwl_online", 5),
        ("cdjcc", 26),
        ("hnou_open", 7),
        ("lzu_grad", 9),
        ("scgrad_trad", 17),
        ("xju_phy", 3),
        ("ynu_grad", 33),
        ("bjou", 6),
        ("dlu_grad", 16),
        ("jlnu_cjy", 9),
        ("jscity", 15),
        ("nankai_grad", 17),
        ("nepu_cjy", 5),
        ("shmtu_grad", 8),
        ("aiit_2020", 8),
        ("ecut_mpacc_2019", 8),
        ("fjcpc_2022", 6),
        ("fzacc_2025", 11),
        ("gdpi_2023", 8),
        ("scnu_cjy_2026", 12),
        ("zjgsu_2021", 13),
        ("cdu_bucai_2025", 17),
        ("nwpu_2020", 17),
        ("nxu_2013", 15),
        ("xaau_2023", 8),
        ("xauat_2022", 18),
        ("ylu_jxjy_2025", 2),
        ("gist", 10),
        ("jlu_grad", 15),
        ("njau_econ", 15),
        ("njtech", 13),
        ("tstc_jxjy", 5),
        ("csu", 6),
        ("glut_nn", 16),
        ("hfut_cee", 3),
        ("hsu_cee", 15),
        ("ncu_mba", 16),
        ("cqjtu_2022", 12),
        ("gdufs_2019", 15),
        ("jiangnan_2021", 16),
        ("scbt_2020", 19),
        ("swjtu_gs_2018", 17),
        ("ujs_2021", 14),
        ("jlenu_jwc", 7),
        ("nufe_yjsc", 15),
        ("ruc_iso", 17),
        ("synu_sfl", 15),
        ("xzhmu_jwc", 8),
        ("ahau_grad", 14),
        ("ncwu_2014", 9),
        ("nut_jxjy", 10),
        ("sdcivc_jxjy", 12),
        ("xmu_pharm", 7),
        ("bitzh_2023", 10),
        ("ccibe_cj", 16),
        ("cczuhd_2026", 17),
        ("jnu_gs", 18),
        ("ccucm", 26),
        ("tsguas_jwc", 14),
        ("tsgzy_xsc", 16),
        ("cslg_cj", 8),
        ("ecnu_bk", 23),
        ("sdau_grad", 7),
        ("sdlivc_2013", 9),
        ("zufedfc_2023", 13),
        ("gzhu_grad", 18),
        ("hbue_2024", 16),
        ("htu_cj", 10),
        ("scauzj_jwc", 11),
        ("sgu_cj", 6),
        ("cdsu_grad", 12),
        ("snnu_online", 9),
        ("stbu_2010", 9),
        ("chzu_2026", 13),
        ("cupk_2026", 63),
        ("dhu_2022", 14),
        ("ahut_2023", 13),
        ("hebmu_2025", 27),
        ("hunnu_2018", 10),
        ("jsnu_2024", 10),
        ("sdjzu_2021", 7),
        ("cqdd_2021", 6),
        ("fjtu_wljy", 2),
        ("huvtc_2025", 8),
        ("wit_cj_2023", 3),
        ("wit_cj_2025", 7),
        ("cczu_gs_2026", 5),
        ("hebtu_2026", 14),
        ("wanxue_2020", 9),
        ("jxcs_2020", 15),
        ("sdtbu_cj_2020", 7),
        ("izenu_2023", 15),
        ("jxut_cj", 10),
        ("hnfkj_2024", 11),
        ("yyzs99_2026", 14),
        ("cau_sci_2019", 8),
        ("lcu_2023", 8),
        ("sdufe_grad_2023", 11),
        ("sdyu_2022", 9),
        ("usts_2025", 6),
        ("hfnu_2022", 21),
        ("hynu_2023", 36),
        ("cau_cvm_2024", 38),
        ("jlrtvu_2008", 5),
        ("pku_coe_2024", 10),
        ("pku_phil_2019", 15),
        ("csuft", 11),
        ("shcmusic", 6),
        ("swufe", 24),
        ("resultpoint", 7),
        ("xcxz", 19),
        ("yggycz", 6),
        ("zzut", 2),
        ("cupde", 6),
        ("henau", 5),
        ("hfpec", 5),
        ("zyufl", 7),
        ("28draw", 5),
        ("cnoochse", 43),
        ("lzkckcy", 15),
        ("ppx88", 15),
        ("scu", 18),
        ("wku", 14),
        ("arcadians", 15),
        ("wyu", 9),
        ("ylny", 13),
        ("zust", 8),
        ("mczz", 17),
        ("toshi", 9),
        ("zhiyehao", 8),
        ("mcusb", 9),
        ("cdutcm", 16),
        ("ctbu", 13),
        ("cupl", 43),
        ("gsmu", 4),
        ("hust", 14),
        ("tongji", 6),
        ("hrbcu", 14),
        ("dhu_2020", 36),
        ("sdu_2013", 22),
        ("ucas_2010", 6),
        ("hjnu_cj_2025", 5),
        ("jlnu_cj_2026", 9),
        ("jslshc_2006", 12),
        ("huanghuai_2022", 10),
        ("sdycu_2025", 16),
        ("cpu_cj_2021", 8),
        ("cqjtls_2022", 8),
        ("qinqin_cj_2021", 7),
        ("tjzk_2022", 4),
        ("xiangyang_ou_2024", 5),
        ("cauyt_2023", 21),
        ("djtu_2014", 6),
        ("ncwu_2010", 8),
        ("skirby_cj_2023", 10),
        ("sxly_2021", 15),
        ("njmu_jwc_2022", 15),
        ("usts_2020", 14),
        ("bjtu_sem_2024", 17),
        ("bnu_2021", 5),
        ("fafu_2022", 14),
        ("hhu_2023", 11),
        ("hitsz_2023", 7),
        ("bnu_intl", 6),
        ("ncepu_2017", 18),
        ("nuaa_intl_2025", 4),
        ("wfnc_cj_2025", 12),
        ("dingli_2019", 24),
        ("lnyjs_2022", 17),
        ("njcit_2022", 12),
        ("sdmu_kjxy_2015", 10),
        ("wyu_2024", 8),
        ("zzuli_2007", 15),
        ("alert24u_2025", 9),
        ("henan_huayuan_2015", 3),
        ("jlu_2020", 13),
        ("mirror_wljxjy_2023", 5),
        ("huierda_2024", 15),
        ("mibaike_2025", 18),
        ("czyjhmzb_2021", 5),
        ("xaiet_2025", 18),
        ("cesametal_2025", 4),
        ("dingtaijiqi_2020", 18),
        ("gdwlxy_2014", 17),
        ("njupt_2011", 18),
        ("pku_2012", 8),
        ("qust_2007", 6),
        ("sdnu_mpa_2020", 12),
        ("yuemowenhua_2023", 15),
        ("sdu_2019", 29),
        ("jlu_2016", 9),
        ("zju_2022", 14),
        ("szu_cj_2025", 8),
        ("huierda_cj_2022", 5),
        ("xianmeiyan_yd_2024", 4),
        ("hunanou_2022", 3),
        ("gdzk_2022", 3),
        ("rusansathens_2022", 13),
        ("gcc_2020", 5),
        ("girev88_2022", 4),
        ("xyrxg_2023", 3),
        ("cb5566_2020", 3),
        ("njit_2019", 2),
        ("pagerefinery_2016", 4),
        ("sdcet_2025", 21),
        ("mtccnmi_2024", 11),
        ("bdx55_2024", 18),
        ("njupt_intl_2022", 4),
        ("lfyjbjgs_2024", 21),
        ("tsinghua_en", 1),
        ("rockthered_2024", 8),
        ("avalanche_2023", 39),
        ("hrbeu_2012", 7),
        ("mdqqw1_2020", 13),
        ("customarcade_2006", 5),
        ("xjtu_som_2021", 6),
        ("sjtu_2023", 12),
        ("ptu_cj_2022", 2),
        ("horrorbg_2023", 2),
        ("hydswl_2024", 5),
        ("xmu_grad_2008", 6),
        ("sxyjxy_2017", 12),
        ("danchunkangzhen_2020", 12),
        ("51kvkv_2023", 11),
        ("hnust_2022", 17),
        ("zisu_2022", 6),
        ("haiqingrun_2023", 2),
        ("anon_grad_2013", 9),
        ("ccnu_2018", 15),
        ("gcu_2021", 10),
        ("gist_2022", 18),
        ("huanghuai_2024", 14),
        ("mdqqw1_2025", 17),
        ("ncwu_2018", 28),
        ("sdycu_2024", 12),
        ("zj_grad_2025", 6),
        ("anon_lib_2012", 10),
        ("cqlpyz_hunan_2022", 0),
        ("guet_2025", 9),
        ("hhu_intl_2019", 1),
        ("hnust_grad_2025", 8),
        ("jdqc_copy_2020", 7),
        ("pku_copy_2023", 4),
        ("xjy_2022", 8),
        ("zqu_2015", 10),
        ("zufedfc_2024", 15),
        ("cueb_2024", 9),
        ("cumtb_2025", 19),
        ("gcu_2018", 6),
        ("gcu_2020", 8),
        ("xjtu_2023", 8),
        ("seu_copy_2017", 12),
        ("dgut_2025", 6),
        ("hitsz_2024", 0),
        ("hitsz_2026", 5),
    ];
    for (name, at_least) in seen {
        let site = tempfile::tempdir().expect("tempdir");
        let got = facts(site.path(), &fixture(&format!("unseen/{name}.txt")));
        let text = std::fs::read_to_string(fixture(&format!("unseen/{name}.expected"))).expect("expectation file");
        let want: BTreeSet<(String, String)> =
            text.lines().filter_map(|l| l.split_once('\t')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let wrong: Vec<_> = got.difference(&want).collect();
        assert!(wrong.is_empty(), "{name}: wrong {wrong:#?}");
        let right = got.intersection(&want).count();
        assert!(right >= at_least, "{name}: {right} of {} facts right, was {at_least}", want.len());
    }
}

//! Strings of the drafts panel (草稿), in Chinese and English, and the
//! wording of everything the store reports. Pure: tested natively.

use super::Lang;
use crate::scenario::{ErrorKind, ScenarioError};
use crate::scenario::ReadError;
use crate::store::{Fault, ImportError, Message, Notice, Source, MAX_IMPORT_BYTES};

/// All strings of the drafts panel in one language. `{}` marks where a
/// value goes, in order (see [`fill`]).
pub struct DraftText {
    pub heading: &'static str,
    pub intro: &'static str,
    pub default_name: &'static str,
    pub recovered_name: &'static str,
    pub imported_name: &'static str,
    pub copy_name: &'static str,
    pub name_label: &'static str,
    pub saved_at: &'static str,
    pub saving: &'static str,
    pub not_saved_yet: &'static str,
    pub not_saved: &'static str,
    pub unsaved_block: &'static str,
    pub blocked: &'static str,
    pub full: &'static str,
    pub failed: &'static str,
    pub locked: &'static str,
    pub newer_app: &'static str,
    /// The code that reads stored drafts could not be loaded (the page's
    /// alert and the panel's status).
    pub unread: &'static str,
    pub erased: &'static str,
    pub conflict: &'static str,
    pub conflict_load: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_keep_name: &'static str,
    pub synced: &'static str,
    pub removed_elsewhere: &'static str,
    pub new_draft: &'static str,
    pub duplicate: &'static str,
    pub export: &'static str,
    pub export_hint: &'static str,
    pub import: &'static str,
    pub import_label: &'static str,
    pub drop_hint: &'static str,
    pub delete: &'static str,
    pub deleted: &'static str,
    pub undo: &'static str,
    pub list_heading: &'static str,
    pub current: &'static str,
    pub updated: &'static str,
    pub imported: &'static str,
    pub import_too_large: &'static str,
    pub import_not_json: &'static str,
    pub import_newer: &'static str,
    pub import_version: &'static str,
    pub import_field: &'static str,
    pub import_unreadable: &'static str,
    pub nothing_changed: &'static str,
    pub q_draft: &'static str,
    pub q_index: &'static str,
    pub stuck: &'static str,
    pub migrated: &'static str,
    pub recovered: &'static str,
    pub missing: &'static str,
    pub newer_index: &'static str,
    pub open_failed: &'static str,
    pub dismiss: &'static str,
    pub quarantine_heading: &'static str,
    pub quarantine_intro: &'static str,
    pub quarantine_item: &'static str,
    pub download: &'static str,
    pub discard: &'static str,
    pub discard_confirm: &'static str,
    pub erase: &'static str,
    pub erase_warning: &'static str,
    pub erase_confirm: &'static str,
    pub cancel: &'static str,
    pub erase_failed: &'static str,
    pub export_failed: &'static str,
    pub download_refused: &'static str,
    pub reason_syntax: &'static str,
    pub reason_version: &'static str,
    pub reason_newer: &'static str,
    pub reason_field: &'static str,
    pub reason_invalid: &'static str,
    pub fault_unavailable: &'static str,
    pub fault_full: &'static str,
    pub fault_locked: &'static str,
}

pub const DRAFTS_ZH: DraftText = DraftText {
    heading: "草稿",
    intro: "每次修改都会自动保存在本机浏览器里，不会上传。",
    default_name: "草稿",
    recovered_name: "找回的草稿",
    imported_name: "导入的草稿",
    copy_name: "{} 副本",
    name_label: "草稿名称",
    saved_at: "已保存 {}",
    saving: "正在保存…",
    not_saved_yet: "尚未保存",
    not_saved: "未保存",
    unsaved_block: "当前草稿的修改还没有保存。请先解决上面的保存问题或导出文件，再打开其他草稿。",
    blocked: "此浏览器不允许本工具保存数据：草稿不会保存在本机，关闭页面后会丢失。请用“导出文件”保存。",
    full: "本机存储空间已满：最近的修改没有保存。请导出文件，或删除不用的草稿。",
    failed: "无法保存草稿（{}）。请用“导出文件”保存。",
    locked: "存储中有无法读取、也无法移开的数据；为了不覆盖它，暂停保存。请用“导出文件”保存。",
    newer_app: "另一个标签页打开了更新版本的本工具：此页暂停保存，请刷新此页。",
    unread: "读取本机草稿的程序没能载入（可能没有网络）。草稿原样保留在本机；为了不覆盖它们，此页暂停保存。联网后请刷新此页。",
    erased: "本机上的数据已全部清除。之后的修改会重新保存。",
    conflict: "此草稿已在另一个标签页中修改（{}）。为了不覆盖，此页暂停保存。",
    conflict_load: "载入另一页的版本",
    conflict_keep: "把此页内容另存为新草稿",
    conflict_keep_name: "{}（此页）",
    synced: "已载入另一个标签页中的修改。",
    removed_elsewhere: "此草稿已在另一个标签页中删除；此页的内容还在，再修改时会重新保存。",
    new_draft: "新建草稿",
    duplicate: "复制此草稿",
    export: "导出文件",
    export_hint: "导出的 .json 文件可以在其他设备上导入。",
    import: "导入文件…",
    import_label: "选择要导入的 .json 文件",
    drop_hint: "也可以把 .json 文件拖到这里。导入的文件总是成为新草稿，不会覆盖已有草稿。",
    delete: "删除此草稿",
    deleted: "已删除“{}”。",
    undo: "撤销",
    list_heading: "所有草稿",
    current: "当前",
    updated: "{} 更新",
    imported: "已把“{}”导入为新草稿。",
    import_too_large: "文件太大（{}），最大 {}。",
    import_not_json: "这不是 JSON 文件，或文件不完整，无法读取。请选择用“导出文件”保存的 .json 文件。",
    // No reader's detail here: it is English (review F16a, wave 13).
    import_newer: "此文件由更新版本的本工具生成：请刷新页面使用最新版本后再导入。",
    import_version: "这不是本工具的草稿文件。请选择用“导出文件”保存的 .json 文件。",
    import_field: "文件中的字段有误：{}。请导入用“导出文件”保存的文件，或改正这一项后再试。",
    import_unreadable: "无法读取此文件。",
    nothing_changed: "未做任何更改。",
    q_draft: "草稿“{}”的数据无法读取（{}）。它已原样另存，没有被覆盖，可在下方下载。",
    q_index: "草稿列表无法读取（{}）。它已原样另存，草稿已从本机数据中找回。",
    stuck: "有数据无法读取（{}），存储也无法把它移开（{}）。它保持原样，不会被覆盖。",
    migrated: "草稿“{}”是旧格式（版本 {}），已升级到当前格式。",
    recovered: "找回了一个不在列表中的草稿：“{}”。",
    missing: "草稿“{}”的数据已不在本机，已从列表移除。",
    newer_index: "本机的草稿由更新版本的本工具保存。为了不覆盖它们，此页不会保存任何修改：请用更新版本打开，或用“导出文件”保存此页内容。",
    open_failed: "无法打开此草稿（{}）。",
    dismiss: "知道了",
    quarantine_heading: "无法读取的数据",
    quarantine_intro: "这些数据已原样保留，没有被覆盖。可以下载后检查或发给帮您的人。",
    quarantine_item: "{} 另存，{}",
    download: "下载",
    discard: "删除",
    discard_confirm: "确认删除",
    erase: "清除本机上的全部数据…",
    erase_warning: "将删除本工具在此浏览器中保存的全部内容：{} 份草稿、语言设置和无法读取的数据。此操作无法撤销，建议先导出需要的草稿。",
    erase_confirm: "确认全部清除",
    cancel: "取消",
    erase_failed: "部分数据未能清除（{}）。",
    export_failed: "无法导出文件（{}）。",
    download_refused: "浏览器拒绝了下载",
    reason_syntax: "不是有效的 JSON",
    reason_version: "版本未知",
    reason_newer: "由更新版本的本工具保存",
    reason_field: "字段有误：{}",
    reason_invalid: "数值无效：{}",
    fault_unavailable: "存储不可用",
    fault_full: "存储已满",
    fault_locked: "有无法读取的数据",
};

pub const DRAFTS_EN: DraftText = DraftText {
    heading: "Drafts",
    intro: "Every change is saved automatically in this browser only. Nothing is uploaded.",
    default_name: "Draft",
    recovered_name: "Recovered draft",
    imported_name: "Imported draft",
    copy_name: "{} (copy)",
    name_label: "Draft name",
    saved_at: "Saved at {}",
    saving: "Saving…",
    not_saved_yet: "Not saved yet",
    not_saved: "Not saved",
    unsaved_block: "The changes to this draft are not saved yet. Resolve the saving problem above or export a file before opening another draft.",
    blocked: "This browser does not let the app store data: drafts are not being saved on this device and are lost when the page closes. Use “Export file” to keep your work.",
    full: "Storage on this device is full: recent changes are not saved. Export a file, or delete drafts you no longer need.",
    failed: "Drafts could not be saved ({}). Use “Export file” to keep your work.",
    locked: "Storage holds data that cannot be read or moved; saving is paused so it is not overwritten. Use “Export file” to keep your work.",
    newer_app: "A newer version of this app is open in another tab: saving is paused here. Reload this page.",
    unread: "The code that reads the drafts on this device could not be loaded (no connection?). Your drafts are kept as they are; saving is paused here so they are not overwritten. Reload this page once you are online.",
    erased: "Everything was erased from this device. Changes from now on are saved again.",
    conflict: "This draft was changed in another tab ({}). Saving here is paused so nothing is overwritten.",
    conflict_load: "Load the other tab's version",
    conflict_keep: "Keep this page as a new draft",
    conflict_keep_name: "{} (this tab)",
    synced: "Changes made in another tab were loaded.",
    removed_elsewhere: "This draft was deleted in another tab. Its content is still on this page and is saved again when you change it.",
    new_draft: "New draft",
    duplicate: "Duplicate",
    export: "Export file",
    export_hint: "An exported .json file can be imported on another device.",
    import: "Import file…",
    import_label: "Choose a .json file to import",
    drop_hint: "Or drop a .json file here. An imported file always becomes a new draft; nothing is overwritten.",
    delete: "Delete this draft",
    deleted: "Deleted “{}”.",
    undo: "Undo",
    list_heading: "All drafts",
    current: "open",
    updated: "updated {}",
    imported: "Imported “{}” as a new draft.",
    import_too_large: "The file is too large ({}); the limit is {}.",
    import_not_json: "This is not a JSON file, or it is cut short, and cannot be read. Choose a .json file saved with “Export file”.",
    import_newer: "This file was made by a newer version of this app; update it first ({}).",
    import_version: "This is not a draft file of this app ({}). Choose a .json file saved with “Export file”.",
    import_field: "A field in the file is wrong: {}. Import a file saved with “Export file”, or correct that field and try again.",
    import_unreadable: "The file could not be read.",
    nothing_changed: "Nothing was changed.",
    q_draft: "The saved data of draft “{}” could not be read ({}). It was set aside untouched, not overwritten; you can download it below.",
    q_index: "The list of drafts could not be read ({}). It was set aside untouched and the drafts were recovered from this device.",
    stuck: "Some data could not be read ({}) and storage could not set it aside ({}). It stays as it is and is never overwritten.",
    migrated: "Draft “{}” was in an older format (version {}) and has been updated.",
    recovered: "A draft missing from the list was recovered: “{}”.",
    missing: "The data of draft “{}” is no longer on this device; it was removed from the list.",
    newer_index: "The drafts on this device were saved by a newer version of this app. So as not to overwrite them, this page saves nothing: open them with the newer version, or use “Export file” to keep this page.",
    open_failed: "This draft could not be opened ({}).",
    dismiss: "Dismiss",
    quarantine_heading: "Unreadable data",
    quarantine_intro: "Kept exactly as it was, never overwritten. Download it to check it or to send it to someone helping you.",
    quarantine_item: "set aside {}, {}",
    download: "Download",
    discard: "Delete",
    discard_confirm: "Confirm delete",
    erase: "Erase everything on this device…",
    erase_warning: "This deletes everything the app stored in this browser: {} drafts, the language setting and any unreadable data. It cannot be undone; export the drafts you need first.",
    erase_confirm: "Yes, erase everything",
    cancel: "Cancel",
    erase_failed: "Some data could not be erased ({}).",
    export_failed: "The file could not be exported ({}).",
    download_refused: "the browser refused the download",
    reason_syntax: "not valid JSON",
    reason_version: "unknown version",
    reason_newer: "saved by a newer version of this app",
    reason_field: "wrong field: {}",
    reason_invalid: "invalid value: {}",
    fault_unavailable: "storage unavailable",
    fault_full: "storage full",
    fault_locked: "unreadable data in the way",
};

/// Puts `values` into the `{}` marks of `template`, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// 512 B, 12.3 KB, 1.5 MB.
pub fn file_size(bytes: u64) -> String {
    // Integer tenths, rounded half up: no float formatting in the bundle.
    let tenths = |unit: u64| {
        let t = (bytes.saturating_mul(10) + unit / 2) / unit;
        format!("{}.{}", t / 10, t % 10)
    };
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", tenths(1024))
    } else {
        format!("{} MB", tenths(1024 * 1024))
    }
}

/// 14:03, or 11-28 14:03 when not today.
pub fn clock(month: u32, day: u32, hour: u32, minute: u32, today: bool) -> String {
    if today {
        format!("{hour:02}:{minute:02}")
    } else {
        format!("{month:02}-{day:02} {hour:02}:{minute:02}")
    }
}

impl Lang {
    /// Why stored or imported data could not be read, naming the field.
    pub fn read_error(self, e: &ScenarioError) -> String {
        let t = self.drafts();
        let detail = self.scenario_error(e);
        match e.kind() {
            ErrorKind::Syntax => t.reason_syntax.to_owned(),
            ErrorKind::Version => format!("{}: {}", t.reason_version, detail),
            ErrorKind::NewerVersion => t.reason_newer.to_owned(),
            ErrorKind::Field => fill(t.reason_field, &[&detail]),
            ErrorKind::Invalid => fill(t.reason_invalid, &[&detail]),
        }
    }

    pub fn fault(self, f: &Fault) -> String {
        let t = self.drafts();
        match f {
            Fault::Unavailable => t.fault_unavailable.to_owned(),
            Fault::Full => t.fault_full.to_owned(),
            Fault::Locked => t.fault_locked.to_owned(),
            Fault::Other(s) => s.clone(),
        }
    }

    /// What the store reported, as a sentence.
    pub fn notice(self, n: &Notice) -> String {
        let t = self.drafts();
        let source_name = |s: &Source| match s {
            Source::Index => None,
            Source::Draft { id, name } => Some(name.clone().unwrap_or_else(|| id.clone())),
        };
        match n {
            Notice::Quarantined { source, error, .. } => match source_name(source) {
                Some(name) => fill(t.q_draft, &[&name, &self.read_error(error)]),
                None => fill(t.q_index, &[&self.read_error(error)]),
            },
            Notice::Stuck { error, fault, .. } => fill(t.stuck, &[&self.read_error(error), &self.fault(fault)]),
            Notice::Migrated { name, from } => fill(t.migrated, &[name, &from.to_string()]),
            Notice::Recovered { name } => fill(t.recovered, &[name]),
            Notice::Missing { name } => fill(t.missing, &[name]),
            Notice::NewerIndex => t.newer_index.to_owned(),
        }
    }

    /// A message of the drafts panel, as a sentence.
    pub fn message(self, m: &Message) -> String {
        let t = self.drafts();
        match m {
            Message::Store(n) => self.notice(n),
            Message::Import(e) => self.import_error(e),
            Message::Imported(name) => fill(t.imported, &[name]),
            Message::Synced => t.synced.to_owned(),
            Message::RemovedElsewhere => t.removed_elsewhere.to_owned(),
            Message::Unsaved => t.unsaved_block.to_owned(),
            Message::OpenFailed(f) => fill(t.open_failed, &[&self.fault(f)]),
            Message::EraseFailed(f) => fill(t.erase_failed, &[&self.fault(f)]),
            Message::ExportFailed(s) => fill(t.export_failed, &[s]),
            Message::Unread => self.page().lazy_failed.to_owned(),
        }
    }

    /// Why a file was not imported, and that nothing changed.
    pub fn import_error(self, e: &ImportError) -> String {
        let t = self.drafts();
        let what = match e {
            ImportError::TooLarge(bytes) => fill(t.import_too_large, &[&file_size(*bytes), &file_size(MAX_IMPORT_BYTES)]),
            ImportError::Unreadable => t.import_unreadable.to_owned(),
            ImportError::Scenario(e) => {
                let detail = match e {
                    ScenarioError::Read(r) if self == Lang::Zh && e.kind() == ErrorKind::Field => zh_detail(r),
                    _ => self.scenario_error(e),
                };
                match e.kind() {
                    ErrorKind::Syntax => fill(t.import_not_json, &[&detail]),
                    ErrorKind::NewerVersion => fill(t.import_newer, &[&detail]),
                    ErrorKind::Version => fill(t.import_version, &[&detail]),
                    ErrorKind::Field | ErrorKind::Invalid => fill(t.import_field, &[&detail]),
                }
            }
        };
        format!("{what} {}", t.nothing_changed)
    }
}

/// A reader's message in Chinese where it is one of serde's shapes
/// ("missing field `id`"): the field's path and what is wrong; else as is.
fn zh_detail(r: &ReadError) -> String {
    let name = r.message.split('`').nth(1).unwrap_or_default();
    let what = match r.message.split([' ', ':']).take(2).collect::<Vec<_>>()[..] {
        ["missing", "field"] => ["缺少字段 ", name].concat(),
        ["unknown", "field"] => ["不认识的字段 ", name].concat(),
        ["unknown", "variant"] => ["不认识的取值 ", name].concat(),
        ["invalid", "type"] => "值的类型不对".to_owned(),
        _ => return r.to_string(),
    };
    if r.path.is_empty() { what } else { [&r.path, " ", &what].concat() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(kind: ErrorKind, path: &str, message: &str) -> ScenarioError {
        ScenarioError::Read(ReadError::new(kind, path, message))
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(fill("{} 副本", &["草稿 1"]), "草稿 1 副本");
        assert_eq!(fill("a {} b {}", &["1"]), "a 1 b ");
        assert_eq!(fill("none", &["x"]), "none");
    }

    #[test]
    fn sizes_and_clock() {
        assert_eq!(file_size(512), "512 B");
        assert_eq!(file_size(2 * 1024 * 1024 + 1), "2.0 MB");
        assert_eq!(file_size(1024 * 1024 + 1), "1.0 MB");
        assert_eq!(file_size(1536), "1.5 KB");
        assert_eq!(file_size(1023), "1023 B");
        assert_eq!(clock(11, 28, 9, 5, true), "09:05");
        assert_eq!(clock(11, 28, 9, 5, false), "11-28 09:05");
    }

    #[test]
    fn import_errors_name_the_problem_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let m = lang.import_error(&ImportError::Scenario(e(ErrorKind::Field, "loans[0].principal", "invalid type")));
            assert!(m.contains("loans[0].principal"), "{m}");
            assert!(m.ends_with(lang.drafts().nothing_changed));
            let m = lang.import_error(&ImportError::TooLarge(2 * 1024 * 1024));
            assert!(m.contains("2.0 MB") && m.contains("1.0 MB"), "{m}");
        }
        let m = Lang::En.import_error(&ImportError::Scenario(e(ErrorKind::Syntax, "", "not valid JSON: x")));
        assert!(m.starts_with("This is not a JSON file"), "{m}");
        // F16a: no parser text on the Chinese page, and what to do.
        let m = Lang::Zh.import_error(&ImportError::Scenario(e(ErrorKind::Syntax, "", "not valid JSON: expected value at line 1 column 1")));
        assert_eq!(m, "这不是 JSON 文件，或文件不完整，无法读取。请选择用“导出文件”保存的 .json 文件。 未做任何更改。");
        let m = Lang::Zh.import_error(&ImportError::Scenario(e(ErrorKind::Field, "loans[0]", "missing field `id`")));
        assert_eq!(m, "文件中的字段有误：loans[0] 缺少字段 id。请导入用“导出文件”保存的文件，或改正这一项后再试。 未做任何更改。");
        let m = Lang::Zh.import_error(&ImportError::Scenario(e(ErrorKind::Field, "loans[0].principal", "invalid type: integer `100000`, expected a string")));
        assert!(m.starts_with("文件中的字段有误：loans[0].principal 值的类型不对。"), "{m}");
        // Nor the reader's English detail for a newer or a foreign file; English keeps it.
        let m = Lang::Zh.import_error(&ImportError::Scenario(e(ErrorKind::NewerVersion, "version", "version 2 is newer than 1")));
        assert_eq!(m, "此文件由更新版本的本工具生成：请刷新页面使用最新版本后再导入。 未做任何更改。");
        let m = Lang::Zh.import_error(&ImportError::Scenario(e(ErrorKind::Version, "version", "missing field `version`")));
        assert!(!m.is_ascii() && !m.contains("missing"), "{m}");
        let m = Lang::En.import_error(&ImportError::Scenario(e(ErrorKind::NewerVersion, "version", "version 2 is newer than 1")));
        assert!(m.contains("version 2 is newer than 1"), "{m}");
    }

    #[test]
    fn every_template_has_both_languages() {
        // The same number of `{}` marks in both languages.
        let marks = |s: &str| s.matches("{}").count();
        let (z, n) = (&DRAFTS_ZH, &DRAFTS_EN);
        for (a, b) in [
            (z.copy_name, n.copy_name),
            (z.saved_at, n.saved_at),
            (z.failed, n.failed),
            (z.conflict, n.conflict),
            (z.conflict_keep_name, n.conflict_keep_name),
            (z.deleted, n.deleted),
            (z.updated, n.updated),
            (z.imported, n.imported),
            (z.import_too_large, n.import_too_large),
            (z.q_draft, n.q_draft),
            (z.q_index, n.q_index),
            (z.stuck, n.stuck),
            (z.migrated, n.migrated),
            (z.quarantine_item, n.quarantine_item),
            (z.erase_warning, n.erase_warning),
        ] {
            assert_eq!(marks(a), marks(b), "{a} / {b}");
        }
    }

    #[test]
    fn notices_read_well() {
        let n = Notice::Quarantined {
            source: Source::Draft { id: "x".into(), name: Some("网商贷".into()) },
            key: "k".into(),
            error: e(ErrorKind::Invalid, "loans[0].months", "must be 1–600"),
        };
        let zh = Lang::Zh.notice(&n);
        assert!(zh.contains("网商贷") && zh.contains("loans[0].months"), "{zh}");
        let en = Lang::En.notice(&Notice::Migrated { name: "A".into(), from: 0 });
        assert_eq!(en, "Draft “A” was in an older format (version 0) and has been updated.");
    }
}

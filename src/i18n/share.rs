//! Strings of sharing (link, password, QR code) and of the offline app
//! (new version waiting), in Chinese and English, and the wording of every
//! [`ShareError`]. Pure: tested natively.

use super::{file_size, fill, Lang};
use crate::scenario::ErrorKind;
use crate::share::{Personal, Progress, ShareError};

/// All strings of sharing in one language. `{}` marks where a value goes.
pub struct ShareText {
    pub heading: &'static str,
    pub fragment_note: &'static str,
    pub include_heading: &'static str,
    pub numbers_note: &'static str,
    pub names: &'static str,
    pub phone: &'static str,
    pub contract_numbers: &'static str,
    pub hardship: &'static str,
    pub contact_log: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub make: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub length: &'static str,
    pub long_warning: &'static str,
    pub qr_label: &'static str,
    pub qr_too_long: &'static str,
    pub working: &'static str,
    pub deriving_key: &'static str,
    pub from_link_name: &'static str,
    pub opened: &'static str,
    /// The same link opened again (review w14 S1): "{}" the draft it became.
    pub opened_again: &'static str,
    pub keep: &'static str,
    pub discard: &'static str,
    pub password_prompt: &'static str,
    pub open: &'static str,
    pub not_base64: &'static str,
    pub truncated: &'static str,
    pub too_large: &'static str,
    pub newer: &'static str,
    pub damaged: &'static str,
    pub needs_password: &'static str,
    pub wrong_password: &'static str,
    pub unreadable: &'static str,
    pub unsupported: &'static str,
    pub show_password: &'static str,
    pub link_label: &'static str,
    pub copy_failed: &'static str,
    pub cancel: &'static str,
    pub password_label: &'static str,
}

pub const SHARE_ZH: ShareText = ShareText {
    heading: "分享链接",
    fragment_note: "数据在链接 # 号之后的部分里：浏览器从不把这部分发送给任何服务器，打开链接的人在自己的浏览器里看到同样的数字。",
    include_heading: "链接里包含什么",
    numbers_note: "默认只包含数字：借款、收支、未来收入预测和协商请求。下面的个人信息需要勾选才会放进链接。",
    names: "名称（借款名称、姓名、城市）",
    phone: "电话号码",
    contract_numbers: "合同编号",
    hardship: "困难情况说明",
    contact_log: "沟通记录",
    password: "密码（可选）",
    password_hint: "设置密码后链接会被加密。密码不会放进链接，请用电话等其他方式告诉对方。",
    make: "生成链接",
    copy: "复制链接",
    copied: "已复制",
    length: "链接长度：{} 个字符",
    long_warning: "链接很长（{} 个字符），部分聊天软件会截断它。可以少勾选一些内容，或让对方扫描二维码。",
    qr_label: "扫描二维码打开同一个链接",
    qr_too_long: "链接太长，无法生成二维码。",
    working: "正在处理…",
    deriving_key: "正在用密码生成密钥，手机上可能需要几秒…",
    from_link_name: "来自链接 {}",
    opened: "链接已打开为新草稿“{}”，原有草稿都没有改动。",
    opened_again: "这个链接之前已经打开过：已切换到它的草稿“{}”，没有新建草稿。",
    keep: "保留",
    discard: "不要了",
    password_prompt: "这个链接有密码保护。请输入对方告诉您的密码：",
    open: "打开",
    not_base64: "这个链接里有不该出现的字符，可能在转发时被改动了。请让对方重新发送。",
    truncated: "这个链接不完整，可能在发送时被截断了。请让对方重新发送，或扫描二维码。",
    too_large: "链接里的数据太多（上限 {}），无法打开。",
    newer: "这个链接来自更新版本的本工具。请刷新页面（或更新已安装的应用）后再打开。",
    damaged: "这个链接已损坏或不完整，无法读取。请让对方重新发送。",
    needs_password: "这个链接有密码保护，请输入密码。",
    wrong_password: "无法解密：密码不对，或者链接被改动过。请检查密码；如果密码没错，请让对方重新发送链接。",
    unreadable: "链接里的数据无法读取：{}。",
    unsupported: "此浏览器不支持打开或生成加密、压缩的链接（需要较新的浏览器，并通过 https 访问）。",
    show_password: "显示密码",
    link_label: "链接",
    copy_failed: "无法自动复制。链接已选中，请按 Ctrl+C 复制（手机上长按选择“复制”）。",
    cancel: "取消",
    password_label: "密码",
};

pub const SHARE_EN: ShareText = ShareText {
    heading: "Share as a link",
    fragment_note: "The data sits after the # of the link: browsers never send that part to any server. Whoever opens the link sees the same figures in their own browser.",
    include_heading: "What the link includes",
    numbers_note: "By default only the numbers: loans, income and expenses, the forecast and the requests. Personal details below go in only if you tick them.",
    names: "Names (loan labels, your name, city)",
    phone: "Phone number",
    contract_numbers: "Contract numbers",
    hardship: "Hardship explanation",
    contact_log: "Contact log",
    password: "Password (optional)",
    password_hint: "With a password the link is encrypted. The password is not in the link: tell it to the other person another way, by phone for instance.",
    make: "Create link",
    copy: "Copy link",
    copied: "Copied",
    length: "Link length: {} characters",
    long_warning: "The link is long ({} characters); some messengers cut such links. Include less, or let the other person scan the QR code.",
    qr_label: "Scan the QR code to open the same link",
    qr_too_long: "The link is too long for a QR code.",
    working: "Working…",
    deriving_key: "Deriving the key from the password; this can take a few seconds on a phone…",
    from_link_name: "From a link {}",
    opened: "The link was opened as a new draft, “{}”. Your other drafts are unchanged.",
    opened_again: "This link was opened before: switched to its draft, “{}”. No new draft was made.",
    keep: "Keep",
    discard: "Discard",
    password_prompt: "This link is protected by a password. Enter the password you were given:",
    open: "Open",
    not_base64: "This link contains characters no link of this app has; it may have been altered when it was forwarded. Ask for it again.",
    truncated: "This link is incomplete; it was probably cut off when it was sent. Ask for it again, or scan the QR code.",
    too_large: "The link holds too much data (the limit is {}); it was not opened.",
    newer: "This link was made by a newer version of this app. Reload the page (or update the installed app) and open it again.",
    damaged: "This link is damaged or incomplete and cannot be read. Ask for it again.",
    needs_password: "This link is protected by a password: enter it to open the link.",
    wrong_password: "The link could not be decrypted: the password is wrong, or the link was altered. Check the password; if it is right, ask for the link again.",
    unreadable: "The data in the link cannot be read: {}.",
    unsupported: "This browser cannot make or open compressed or encrypted links (it needs a recent browser and a page served over https).",
    show_password: "Show password",
    link_label: "Link",
    copy_failed: "Could not copy automatically. The link is selected: press Ctrl+C (on a phone, press and hold, then Copy).",
    cancel: "Cancel",
    password_label: "Password",
};

impl Lang {
    pub fn share(self) -> &'static ShareText {
        match self {
            Self::Zh => &SHARE_ZH,
            Self::En => &SHARE_EN,
        }
    }

    /// The label of a privacy checkbox.
    pub fn personal(self, p: Personal) -> &'static str {
        let t = self.share();
        match p {
            Personal::Names => t.names,
            Personal::Phone => t.phone,
            Personal::ContractNumbers => t.contract_numbers,
            Personal::Hardship => t.hardship,
            Personal::ContactLog => t.contact_log,
        }
    }

    /// What the page shows while a link is made or opened: only deriving
    /// the key takes long enough to name; the other steps are quick.
    pub fn share_progress(self, p: Progress) -> &'static str {
        let t = self.share();
        match p {
            Progress::DerivingKey => t.deriving_key,
            Progress::Compressing | Progress::Encrypting | Progress::Decrypting | Progress::Inflating => t.working,
        }
    }

    /// Why a link could not be made or opened, as a sentence.
    pub fn share_error(self, e: &ShareError) -> String {
        let t = self.share();
        match e {
            ShareError::NotBase64 => t.not_base64.to_owned(),
            ShareError::Truncated => t.truncated.to_owned(),
            ShareError::TooLarge { limit } => fill(t.too_large, &[&file_size(*limit as u64)]),
            ShareError::NewerVersion(_) => t.newer.to_owned(),
            ShareError::Scenario(e) if e.kind() == ErrorKind::NewerVersion => t.newer.to_owned(),
            ShareError::Damaged => t.damaged.to_owned(),
            ShareError::NeedsPassword => t.needs_password.to_owned(),
            ShareError::WrongPasswordOrAltered => t.wrong_password.to_owned(),
            ShareError::Scenario(e) => fill(t.unreadable, &[&self.read_error(e)]),
            ShareError::Unsupported => t.unsupported.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{ReadError, ScenarioError};

    fn every_error() -> Vec<ShareError> {
        let scenario = |kind| ShareError::Scenario(ScenarioError::Read(ReadError::new(kind, "loans[0].months", "must be 1–600")));
        vec![
            ShareError::NotBase64,
            ShareError::Truncated,
            ShareError::TooLarge { limit: crate::share::MAX_PAYLOAD_BYTES },
            ShareError::NewerVersion(2),
            ShareError::Damaged,
            ShareError::NeedsPassword,
            ShareError::WrongPasswordOrAltered,
            scenario(ErrorKind::Invalid),
            scenario(ErrorKind::NewerVersion),
            ShareError::Unsupported,
        ]
    }

    #[test]
    fn every_error_has_its_own_sentence_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let messages: Vec<String> = every_error().iter().map(|e| lang.share_error(e)).collect();
            assert!(messages.iter().all(|m| !m.is_empty() && !m.contains("{}")), "{messages:?}");
            // A newer link and a newer scenario read alike; all others differ.
            assert_eq!(messages[3], messages[8]);
            let mut distinct = messages.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), messages.len() - 1, "{messages:?}");
            assert!(messages[2].contains("64.0 KB"), "{}", messages[2]);
            assert!(messages[7].contains("loans[0].months"), "{}", messages[7]);
        }
    }

    #[test]
    fn every_checkbox_and_step_has_a_label() {
        for lang in [Lang::Zh, Lang::En] {
            let mut labels: Vec<&str> = Personal::ALL.iter().map(|&p| lang.personal(p)).collect();
            labels.sort();
            labels.dedup();
            assert_eq!(labels.len(), Personal::ALL.len());
            for p in [Progress::Compressing, Progress::DerivingKey, Progress::Encrypting, Progress::Decrypting, Progress::Inflating] {
                assert!(!lang.share_progress(p).is_empty());
            }
        }
    }

    #[test]
    fn templates_have_the_same_marks_in_both_languages() {
        let marks = |s: &str| s.matches("{}").count();
        let (z, n) = (&SHARE_ZH, &SHARE_EN);
        for (a, b, count) in [
            (z.length, n.length, 1),
            (z.long_warning, n.long_warning, 1),
            (z.from_link_name, n.from_link_name, 1),
            (z.opened, n.opened, 1),
            (z.too_large, n.too_large, 1),
            (z.unreadable, n.unreadable, 1),
        ] {
            assert_eq!((marks(a), marks(b)), (count, count), "{a} / {b}");
        }
    }
}

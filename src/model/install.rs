//! Putting Alongside on the home screen: which way this browser offers,
//! told from plain facts about it, and whether the client's information
//! is at risk until they do.
//!
//! Safari (on iPhone, iPad and Mac) deletes a website's stored data after
//! 7 days without a visit unless it is on the home screen (Apple's
//! "Intelligent Tracking Prevention"), and every browser on iPhone and
//! iPad is Safari underneath. Other browsers only clear it when the phone
//! is short of space.

/// What the app knows about the browser it runs in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowserFacts {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.maxTouchPoints`: an iPad says it is a Mac, but has a
    /// touch screen.
    pub touch_points: u32,
    /// Opened from the home screen: `display-mode: standalone`, or
    /// Safari's `navigator.standalone`.
    pub standalone: bool,
    /// The browser has offered its own install prompt
    /// (`beforeinstallprompt`), which the app can open.
    pub prompt_ready: bool,
    /// The browser said it was just installed (`appinstalled`).
    pub just_installed: bool,
}

/// How this browser puts Alongside on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallWay {
    /// It is there already.
    Installed,
    /// The browser's own prompt can be opened from a button.
    Prompt,
    /// iPhone or iPad: the Share button, then "Add to Home Screen".
    AppleShare,
    /// Safari on a Mac: File, then "Add to Dock".
    MacDock,
    /// An item in the browser's menu, in the words of [`MenuBrowser`].
    Menu(MenuBrowser),
    /// This browser cannot install websites as apps.
    NotPossible,
}

/// Browsers whose menu has the install item, each with its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuBrowser {
    /// Samsung Internet.
    Samsung,
    /// Firefox on Android.
    FirefoxAndroid,
    /// Chrome, Edge or another browser built on Chromium, before (or
    /// without) its prompt.
    Chromium,
}

impl MenuBrowser {
    /// Where the item is, one step a line.
    pub fn steps(self) -> &'static [&'static str] {
        match self {
            MenuBrowser::Samsung => &[
                "Tap the menu button (three lines) at the bottom of the screen.",
                "Tap \u{201c}Add page to\u{201d}, then \u{201c}Home screen\u{201d}.",
            ],
            MenuBrowser::FirefoxAndroid => &[
                "Tap the menu button (three dots) beside the address.",
                "Tap \u{201c}Install\u{201d} or \u{201c}Add to Home screen\u{201d}.",
            ],
            MenuBrowser::Chromium => &[
                "Open the browser\u{2019}s menu (three dots, at the top or bottom of the screen).",
                "Tap \u{201c}Add to Home screen\u{201d} or \u{201c}Install app\u{201d}.",
            ],
        }
    }
}

impl BrowserFacts {
    /// An iPhone, iPad or iPod, whichever browser: all are Safari
    /// underneath. (iPads say they are Macs, with a touch screen.)
    fn apple_mobile(&self) -> bool {
        let ua = &self.user_agent;
        ua.contains("iPhone")
            || ua.contains("iPad")
            || ua.contains("iPod")
            || (ua.contains("Macintosh") && self.touch_points > 1)
    }

    /// Safari on a Mac (not Chrome or Firefox there).
    fn mac_safari(&self) -> bool {
        let ua = &self.user_agent;
        ua.contains("Macintosh")
            && self.touch_points <= 1
            && ua.contains("Safari")
            && !ua.contains("Chrome")
            && !ua.contains("Chromium")
            && !ua.contains("Firefox")
            && !ua.contains("Edg")
    }

    /// True when Alongside runs from the home screen.
    pub fn installed(&self) -> bool {
        self.standalone || self.just_installed
    }

    /// How this browser puts Alongside on the home screen.
    pub fn install_way(&self) -> InstallWay {
        let ua = &self.user_agent;
        if self.installed() {
            InstallWay::Installed
        } else if self.prompt_ready {
            InstallWay::Prompt
        } else if self.apple_mobile() {
            InstallWay::AppleShare
        } else if self.mac_safari() {
            InstallWay::MacDock
        } else if ua.contains("SamsungBrowser") {
            InstallWay::Menu(MenuBrowser::Samsung)
        } else if ua.contains("Android") && ua.contains("Firefox") {
            InstallWay::Menu(MenuBrowser::FirefoxAndroid)
        } else if ua.contains("Android") && ua.contains("Chrome") {
            InstallWay::Menu(MenuBrowser::Chromium)
        } else {
            // Firefox on a computer cannot; Chrome and Edge on a computer
            // offer their prompt when they can, and otherwise show the
            // install icon in the address bar themselves.
            InstallWay::NotPossible
        }
    }

    /// True while Safari may delete the client's information after a
    /// week without a visit: Safari (or any iPhone or iPad browser), not
    /// yet on the home screen.
    pub fn at_risk(&self) -> bool {
        !self.installed() && (self.apple_mobile() || self.mac_safari())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const IPAD: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    const CHROME_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    const SAMSUNG: &str = "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36";
    const FIREFOX_ANDROID: &str =
        "Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0";
    const FIREFOX_DESKTOP: &str =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0";
    const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    fn on(ua: &str, touch_points: u32) -> BrowserFacts {
        BrowserFacts {
            user_agent: ua.into(),
            touch_points,
            ..BrowserFacts::default()
        }
    }

    #[test]
    fn each_browser_gets_its_own_way_to_install() {
        assert_eq!(on(IPHONE, 5).install_way(), InstallWay::AppleShare);
        assert_eq!(on(IPAD, 5).install_way(), InstallWay::AppleShare);
        assert_eq!(on(CHROME_IOS, 5).install_way(), InstallWay::AppleShare);
        assert_eq!(on(IPAD, 0).install_way(), InstallWay::MacDock);
        assert_eq!(
            on(SAMSUNG, 5).install_way(),
            InstallWay::Menu(MenuBrowser::Samsung)
        );
        assert_eq!(
            on(FIREFOX_ANDROID, 5).install_way(),
            InstallWay::Menu(MenuBrowser::FirefoxAndroid)
        );
        assert_eq!(
            on(ANDROID_CHROME, 5).install_way(),
            InstallWay::Menu(MenuBrowser::Chromium)
        );
        assert_eq!(
            on(FIREFOX_DESKTOP, 0).install_way(),
            InstallWay::NotPossible
        );
        assert_eq!(on(MAC_CHROME, 0).install_way(), InstallWay::NotPossible);
        // The browser's own prompt comes first wherever it is offered.
        let mut chrome = on(ANDROID_CHROME, 5);
        chrome.prompt_ready = true;
        assert_eq!(chrome.install_way(), InstallWay::Prompt);
        // Once installed, nothing to do.
        chrome.just_installed = true;
        assert_eq!(chrome.install_way(), InstallWay::Installed);
        let mut iphone = on(IPHONE, 5);
        iphone.standalone = true;
        assert_eq!(iphone.install_way(), InstallWay::Installed);
    }

    #[test]
    fn only_safari_not_installed_is_at_risk() {
        assert!(on(IPHONE, 5).at_risk());
        assert!(on(IPAD, 5).at_risk());
        assert!(on(CHROME_IOS, 5).at_risk());
        assert!(on(IPAD, 0).at_risk());
        for ua in [
            ANDROID_CHROME,
            SAMSUNG,
            FIREFOX_ANDROID,
            FIREFOX_DESKTOP,
            MAC_CHROME,
        ] {
            assert!(!on(ua, 0).at_risk(), "{ua}");
        }
        let mut home = on(IPHONE, 5);
        home.standalone = true;
        assert!(!home.at_risk());
    }

    #[test]
    fn menu_steps_are_short_plain_lines() {
        for b in [
            MenuBrowser::Samsung,
            MenuBrowser::FirefoxAndroid,
            MenuBrowser::Chromium,
        ] {
            let steps = b.steps();
            assert_eq!(steps.len(), 2);
            assert!(steps.iter().all(|s| s.ends_with('.') && s.len() < 100));
        }
    }
}

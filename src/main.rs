fn main() {
    #[cfg(target_arch = "wasm32")]
    xieshang::ui::mount();
}

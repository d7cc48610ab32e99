fn main() -> std::process::ExitCode {
    roster::main_with_args(std::env::args_os())
}

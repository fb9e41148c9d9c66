//! One module per subcommand; each only dispatches into the library.

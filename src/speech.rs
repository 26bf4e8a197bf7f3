//! Document → speech plan: sentence-sized chunks tied to element ids, with
//! text normalised for listening.

"""Swedish text machinery for the analyses: morphology, the governance thesaurus, text
profiles and their alignment."""

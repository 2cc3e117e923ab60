"""Command line, settings, clock and process supervision of the Leerplicht-assistent."""

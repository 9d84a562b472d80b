"""The small web server inside the bot process: calendar links (``.ics``) and their pages."""

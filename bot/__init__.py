"""The Telegram side: python-telegram-bot handlers, rendering, i18n and the one send path."""

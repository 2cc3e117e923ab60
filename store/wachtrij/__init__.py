"""The consulent queue's store, one module per aggregate: consulenten (with their teams), tickets (with their
transcript messages and audit rows), processed Telegram updates, and retention/forgetting; `Wachtrij.werk()`
opens the unit of work that gives them one transaction."""

from store.models_wachtrij import TicketStatus, Uitkomst
from store.wachtrij.bewaren import STANDAARD_BEWAARTERMIJN
from store.wachtrij.werk import Wachtrij, Werk

__all__ = ["STANDAARD_BEWAARTERMIJN", "TicketStatus", "Uitkomst", "Wachtrij", "Werk"]

"""What accounts tells the apps above it.

`people_placed` is sent inside the transaction that changed where people work or whether they
work here at all, so the spaces that follow the organisation change in that same transaction:
a moved teacher reads their new school's space, and no longer the old one, on the next request.
"""

from django.dispatch import Signal

# kwargs: user_ids (list[int])
people_placed = Signal()

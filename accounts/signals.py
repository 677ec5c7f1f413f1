"""What accounts tells the apps above it."""

from django.dispatch import Signal

# A person signed up (args: user), sent inside the sign-up's transaction so a
# receiver's rows (the notifications app's welcome and verification) commit
# or roll back with the account.
user_signed_up = Signal()

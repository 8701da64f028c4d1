"""Writes for people, invitations, rollout, imports, activity and the audit log."""

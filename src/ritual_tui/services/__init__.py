"""The use cases both front ends call — start a sprint, capture in a session, triage an escalation —
with their defaults from the settings. Never imports Textual; reads and writes through the Workspace."""

"""Page objects: what a person sees and does on a page, so tests read as the steps they take."""

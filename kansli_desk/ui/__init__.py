"""Everything Qt. Widgets never query the database themselves: they hand work to
:class:`kansli_desk.ui.tasks.TaskRunner` and receive plain data back."""

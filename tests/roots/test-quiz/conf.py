# A one-page site with the course's extension, as the book loads it. _vendor/widgets holds small
# stand-ins for the widget files `make widgets` fetches with npm (the extension checks they are there).
extensions = ["sevencs.publish.sphinxext"]
exclude_patterns = ["_build", "_vendor"]
html_title = "Seven Cs"

# A one-page site with the quiz extension, as the book loads it.
extensions = ["sevencs.publish.sphinxext"]
html_title = "Seven Cs"

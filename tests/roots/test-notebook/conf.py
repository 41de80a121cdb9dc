# A book of one page, index.ipynb, which the test writes; the test passes the course book's
# execution settings (read from _config.yml) as configuration overrides.
extensions = ["myst_nb"]

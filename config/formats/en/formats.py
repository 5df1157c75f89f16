# English pages and admin use the same day-first input as Vietnamese, so that a date typed or picked in the
# admin (WAGTAIL_DATE_FORMAT, dd/mm/yyyy) means the same day in either language.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
NUMBER_GROUPING = 3

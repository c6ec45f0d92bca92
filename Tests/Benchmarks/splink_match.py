"""Links the generator's two extracts with Splink, as a county analyst would set it up, and
scores the pairs against the truth at every threshold, printing the best.

Run by compare-with-splink.sh inside a throwaway virtual environment; Splink is never a
dependency of Linkages. Usage: splink_match.py FOLDER (holding calworks.csv, cws.csv, truth.csv).
"""
import sys
import time

import duckdb
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

folder = sys.argv[1]
started = time.time()
con = duckdb.connect()
# The cleaning an analyst would do first: lower case, no accents, one surname column.
for table, file in (("calworks", "calworks.csv"), ("cws", "cws.csv")):
    con.execute(f"""
        create table {table} as
        select person_id as unique_id,
               nullif(lower(strip_accents(first_name)), '') as first_name,
               nullif(lower(strip_accents(regexp_replace(last_name, '[-]', ' ', 'g'))), '') as last_name,
               nullif(dob, '') as dob,
               nullif(sex, '') as sex,
               nullif(ssn, '') as ssn,
               nullif(cin, '') as cin,
               nullif(lower(street), '') as street,
               nullif(zip, '') as zip,
               nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '') as phone
        from read_csv('{folder}/{file}', all_varchar = true, header = true)
    """)
db_api = DuckDBAPI(connection=con)
left = db_api.register("calworks", table_name="calworks_input")
right = db_api.register("cws", table_name="cws_input")

settings = SettingsCreator(
    link_type="link_only",
    comparisons=[
        cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
        cl.NameComparison("last_name").configure(term_frequency_adjustments=True),
        cl.DateOfBirthComparison("dob", input_is_string=True),
        cl.LevenshteinAtThresholds("ssn", 1),
        cl.ExactMatch("cin"),
        cl.ExactMatch("sex"),
        cl.LevenshteinAtThresholds("street", 2),
        cl.ExactMatch("zip"),
        cl.ExactMatch("phone"),
    ],
    blocking_rules_to_generate_predictions=[
        block_on("ssn"),
        block_on("cin"),
        block_on("dob", "substr(first_name, 1, 1)"),
        block_on("dob", "last_name"),
        block_on("first_name", "last_name", "substr(dob, 1, 4)"),
        block_on("first_name", "last_name", "zip"),
        block_on("phone", "substr(first_name, 1, 1)"),
    ],
    retain_intermediate_calculation_columns=False,
)
linker = Linker([left, right], settings)
linker.training.estimate_probability_two_random_records_match(
    [block_on("first_name", "last_name", "dob")], recall=0.8)
linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "last_name"))
linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
predictions = linker.inference.predict(threshold_match_probability=0.01)
pairs = con.execute(f"""
    select unique_id_l, unique_id_r, match_probability from {predictions.physical_name}
""").fetchall()
seconds = time.time() - started

truth = set()
with open(f"{folder}/truth.csv") as handle:
    next(handle)
    for line in handle:
        calworks_id, cws_id = line.strip().split(",")
        truth.add((calworks_id, cws_id))

# Splink may put either side on the left; orient every pair as (calworks, cws).
scored = []
for a, b, probability in pairs:
    scored.append(((a, b) if a.startswith("P") else (b, a), probability))
scored.sort(key=lambda item: -item[1])
best = (0.0, 0.0, 0.0, 0.0)
right_so_far = 0
for index, (pair, probability) in enumerate(scored, start=1):
    right_so_far += pair in truth
    # Score only at the last pair of each distinct probability.
    if index < len(scored) and scored[index][1] == probability:
        continue
    precision = right_so_far / index
    recall = right_so_far / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if right_so_far else 0.0
    if f1 > best[0]:
        best = (f1, precision, recall, probability)
print(f"Splink: {seconds:.1f} s; best F1 {best[0]:.4f} (precision {best[1]:.4f}, recall {best[2]:.4f}) "
      f"at probability >= {best[3]:.4f}; {len(pairs):,} pairs scored")

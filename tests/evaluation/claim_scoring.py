"""Score /cite's verdicts on the claim set (claims.yaml): no false claim may be shown as supported, and
true ones should be, by the sentence that states them and with its reference."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml
from pydantic import BaseModel

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.models import CiteAnswer
from bot.content.topics import load_topics
from tests.evaluation.scoring import DOCUMENTS, FOLDER, Tally, letters
from tests.evaluation.stored_vectors import StoredVectors, stored

PROJECT = FOLDER.parents[1]
# Speeches the claims speak of that are not in the reading set (`documents/`, each with its truth): read for
# claims only, kept apart so the reading figures and quizzes stay over documents with a truth.
CLAIMS_ONLY = FOLDER / "claims_documents"
# The documents the claims speak of, beside the two seeds: UN speeches, and the Universal Declaration.
SOURCES = (
    "BGD_79_2024.txt",
    "KEN_79_2024.txt",
    "DOM_79_2024.txt",
    "SLB_79_2024.txt",
    "PER_64_2009.txt",
    "KHM_50_1995.txt",
    "URY_74_2019.txt",
    "TTO_54_1999.txt",
    "udhr-english.html",
    "HTI_79_2024.txt",
    "MMR_75_2020.txt",
    "SSD_77_2022.txt",
    "COD_69_2014.txt",
    "NPL_74_2019.txt",
    "TCD_79_2024.txt",
    "UGA_79_2024.txt",
    "GHA_76_2021.txt",
    "ETH_79_2024.txt",
    "GEO_79_2024.txt",
    "CRI_79_2024.txt",
    "BRA_79_2024.txt",
    "PSE_77_2022.txt",
    "KOR_79_2024.txt",
    "EST_77_2022.txt",
    "TGO_55_2000.txt",
    "SGP_41_1986.txt",
    "MLI_65_2010.txt",
    "BWA_79_2024.txt",
    "LBR_59_2004.txt",
    "TLS_59_2004.txt",
    "RWA_57_2002.txt",
    "AFG_57_2002.txt",
    "SLE_56_2001.txt",
    "ZAF_56_2001.txt",
    "DNK_56_2001.txt",
    "BFA_56_2001.txt",
    "ZWE_56_2001.txt",
    "SWE_61_2006.txt",
    "MOZ_60_2005.txt",
    "COL_61_2006.txt",
    "DOM_66_2011.txt",
    "IRQ_66_2011.txt",
    "CAF_63_2008.txt",
    "MWI_62_2007.txt",
    "TLS_66_2011.txt",
    "BTN_62_2007.txt",
    "GTM_62_2007.txt",
    "SLE_60_2005.txt",
    "PAN_58_2003.txt",
    "VUT_63_2008.txt",
    "NRU_58_2003.txt",
    "SWE_75_2020.txt",
    "NOR_74_2019.txt",
    "PHL_73_2018.txt",
    "KEN_64_2009.txt",
    "COL_63_2008.txt",
    "SLV_58_2003.txt",
    "HUN_67_2012.txt",
    "SEN_75_2020.txt",
    "ZMB_74_2019.txt",
    "TUN_71_2016.txt",
    "TZA_73_2018.txt",
    "LUX_67_2012.txt",
    "SVN_70_2015.txt",
    "MWI_70_2015.txt",
    "CHE_72_2017.txt",
    "IDN_73_2018.txt",
    "SOM_69_2014.txt",
    "TZA_75_2020.txt",
    "BGR_74_2019.txt",
    "KNA_73_2018.txt",
    "TKM_72_2017.txt",
    "NZL_73_2018.txt",
    "PER_79_2024.txt",
    "SLE_79_2024.txt",
    "TUN_79_2024.txt",
    "COL_79_2024.txt",
    "FJI_79_2024.txt",
    "GUY_79_2024.txt",
    "STP_79_2024.txt",
    "CIV_76_2021.txt",
    "LVA_73_2018.txt",
    "MEX_66_2011.txt",
    "UZB_66_2011.txt",
    "ZMB_66_2011.txt",
    "NGA_66_2011.txt",
    "ARG_66_2011.txt",
    "LUX_66_2011.txt",
    "GHA_66_2011.txt",
    "PHL_66_2011.txt",
    "THA_66_2011.txt",
    "IDN_66_2011.txt",
    "NER_66_2011.txt",
    "SWE_66_2011.txt",
    "KEN_66_2011.txt",
    "MUS_66_2011.txt",
    "VNM_66_2011.txt",
    "ALB_66_2011.txt",
    "NPL_66_2011.txt",
    "URY_66_2011.txt",
    "JAM_66_2011.txt",
    "MOZ_66_2011.txt",
    "CHL_66_2011.txt",
    "BOL_66_2011.txt",
    "GRD_66_2011.txt",
    "PER_66_2011.txt",
    "LCA_66_2011.txt",
    "HND_66_2011.txt",
    "CRI_66_2011.txt",
    "PAN_66_2011.txt",
    "ECU_66_2011.txt",
    "GTM_66_2011.txt",
    "BRB_66_2011.txt",
    "HRV_66_2011.txt",
    "CIV_66_2011.txt",
    "LSO_66_2011.txt",
    "TZA_66_2011.txt",
    "MWI_66_2011.txt",
    "SLV_66_2011.txt",
    "NAM_66_2011.txt",
    "PRY_66_2011.txt",
    "ATG_66_2011.txt",
    "LKA_66_2011.txt",
    "MDG_66_2011.txt",
    "BEN_66_2011.txt",
    "GIN_66_2011.txt",
    "LAO_66_2011.txt",
    "TON_66_2011.txt",
    "MYS_66_2011.txt",
    "SUR_66_2011.txt",
    "WSM_66_2011.txt",
    "MLT_66_2011.txt",
    "DMA_66_2011.txt",
    "AGO_66_2011.txt",
    "TUV_66_2011.txt",
    "CMR_66_2011.txt",
    "GAB_66_2011.txt",
    "COG_66_2011.txt",
    "GMB_66_2011.txt",
    "DJI_66_2011.txt",
    "LBN_66_2011.txt",
    "GNB_66_2011.txt",
    "MRT_66_2011.txt",
    "YEM_66_2011.txt",
)

_SPEECH = re.compile(r"[A-Z]{3}_\d+_\d{4}\.txt")


class Claim(BaseModel):
    claim: str
    kind: str
    verdict: str
    source: str | None = None
    reference: str | None = None
    held_out: bool


@dataclass
class ClaimScores:
    false_supported: Tally = field(default_factory=Tally)  # found: false claims shown as supported
    true_supported: Tally = field(default_factory=Tally)  # found: by the right sentence and reference
    verdicts: Tally = field(default_factory=Tally)
    # found: claims the sources contradict, shown as contradicted by the sentence that does (a verdict
    # right for the wrong sentence would quote, as saying otherwise, a sentence that does not)
    contradicted: Tally = field(default_factory=Tally)
    problems: list[str] = field(default_factory=list[str])


def claims() -> list[Claim]:
    data = yaml.safe_load((FOLDER / "claims.yaml").read_text(encoding="utf-8"))
    return [Claim.model_validate(c) for c in data["claims"]]


def claims_engine(folder: Path, *, meaning: bool = False) -> StudyEngine:
    """An engine over the seeds and the speeches, in `folder`; `meaning` reads its sentences for meaning."""
    for path in (PROJECT / "seeds").iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    for name in SOURCES:
        shutil.copy(DOCUMENTS / name if (DOCUMENTS / name).exists() else CLAIMS_ONLY / name, folder / name)
        if speaker := _speaker(name):
            # what the corpus says of each speech, as a group's sidecar would: the country that gave it
            (folder / f"{Path(name).stem}.meta.yaml").write_text(yaml.safe_dump({"author": speaker}), encoding="utf-8")
    engine = StudyEngine(open_index(folder, progress=False), load_topics(PROJECT / "config" / "topics.yaml"))
    if meaning:
        # the sentences' vectors the model gave them, stored; the claims are embedded as they are asked
        engine.index.compute_meaning(StoredVectors(stored()))
    return engine


def library_sentences() -> list[str]:
    """The text of every sentence in the claim library, as its index reads them."""
    with tempfile.TemporaryDirectory() as folder:
        engine = claims_engine(Path(folder))
        try:
            return [text for _, text in engine.index.store.sentence_texts()]
        finally:
            engine.index.close()


def _speaker(name: str) -> str | None:
    """The country that gave a UN General Debate speech: the corpus names each file by its ISO 3166 code,
    session and year ("URY_74_2019.txt")."""
    if not _SPEECH.fullmatch(name):
        return None
    country = pycountry.countries.get(alpha_3=name[:3])
    return country.name if country else None


def score_claim(claim: Claim, answer: CiteAnswer, scores: ClaimScores) -> None:
    scores.verdicts.add(int(answer.verdict == claim.verdict), 1)
    if answer.verdict != claim.verdict:
        scores.problems.append(f"{claim.kind}: “{claim.claim}” is {answer.verdict}, not {claim.verdict}")
    if claim.verdict == "contradicted" and claim.source is not None:
        against = [m for m in answer.matches if m.relation == "contradicts"]
        right = answer.verdict == "contradicted" and letters(claim.source) in letters(against[0].text)
        scores.contradicted.add(int(right), 1)
        if answer.verdict == "contradicted" and not right:
            scores.problems.append(f"{claim.kind}: “{claim.claim}” contradicted by the wrong sentence")
    if claim.kind != "paraphrase":
        wrongly = answer.verdict == "supported"
        scores.false_supported.add(int(wrongly), 1)
        if wrongly:
            scores.problems.append(f"FALSE CLAIM SUPPORTED: “{claim.claim}” by “{answer.matches[0].text[:100]}”")
        return
    supporting = [m for m in answer.matches if m.relation == "supports"]
    right = bool(supporting) and claim.source is not None and letters(claim.source) in letters(supporting[0].text)
    if right and claim.reference:
        cited = supporting[0].reference
        right = cited is not None and letters(claim.reference) in letters(cited.text)
    scores.true_supported.add(int(right), 1)
    if supporting and not right:
        scores.problems.append(f"paraphrase: “{claim.claim}” supported by the wrong sentence or reference")


def report(scores: ClaimScores, label: str) -> list[str]:
    return [
        f"{label}: false claims shown as supported {scores.false_supported}, true claims supported by the "
        f"right sentence {scores.true_supported}, verdicts right {scores.verdicts}, contradicted by the right "
        f"sentence {scores.contradicted}"
    ]

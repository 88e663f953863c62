"""Actors: the people, countries, organisations, places and groups an article is about.

Recognition runs the small English spaCy model over every sentence of both articles and adds
what the model lacks for news, from the lexicons in ``data/lexicons``:

- titles and roles before a name are read as part of the person ("NATO Secretary General
  Jens Stoltenberg", "Ukrainian presidential aide Mykhailo Podolyak"), so "State" in "US
  Secretary of State Antony Blinken" is no organisation and "Russian" in "Russian President"
  is no separate mention of Russia; "the North Korean leader" is a mention of the person whose
  title says so;
- acronyms defined in the text ("Korean Central News Agency (KCNA)") and listed ones
  ("NATO", "U.N.") are merged with their long form;
- country names, demonyms and capitals used as metonyms (Moscow and the Kremlin for Russia,
  Pyongyang for North Korea) are folded into one country;
- wars, eras, weekdays and other names that are no actors are dropped;
- a name keeps one sense across both articles: the model labels each sentence on its own,
  and calls "Wang" a person in one and an organisation in the next, or misses "Lebed" in
  "Lebed told reporters" after "Alexander Lebed".

Then one :class:`~parallax.core.model.Actor` is made per real-world entity across both
articles ("Putin" = "Vladimir Putin" = "Russian President Vladimir Putin"; "Kim" = "Kim Jong
Un"), keeping every mention with its side, sentence and offsets into that side's repaired
text, and actors are ordered by importance (mention count).

Where the lexicons live is not known here: ``core`` knows nothing about installation layouts
(source tree, wheel, frozen bundle), which :mod:`parallax.paths` alone resolves. The caller
passes the lexicon folder to :class:`Recognizer` (see :func:`parallax.nlp.recognizer`), and
tests can pass a folder of their own.

The user's corrections (merge, split, rename, delete) are pure functions on a
:class:`~parallax.core.model.Comparison` that return a new one, so the reader and the store
can persist them like any other record; :func:`apply_actor_corrections` replays stored ones.

The modules, in the order the work flows through them:

- :mod:`~parallax.core.actors.lexicons`: the word lists and :func:`name_key`;
- :mod:`~parallax.core.actors.recognizer`: the spaCy model, loaded once, and the parse;
- :mod:`~parallax.core.actors.shortcuts`: how the model is loaded to give that parse sooner;
- :mod:`~parallax.core.actors.mentions`: the names in one sentence that may be actors;
- :mod:`~parallax.core.actors.discourse`: one sense per name across both articles;
- :mod:`~parallax.core.actors.merging`: one actor per entity (:func:`find_actors`);
- :mod:`~parallax.core.actors.edits`: the user's edits and their replay.

Everything public is importable from here (``from parallax.core.actors import Recognizer,
find_actors``).
"""

from __future__ import annotations

from parallax.core.actors.edits import (
    ActorAction,
    ActorCorrection,
    apply_actor_corrections,
    delete_actor,
    merge_actors,
    rename_actor,
    split_actor,
)
from parallax.core.actors.lexicons import Entry, Lexicon, name_key
from parallax.core.actors.merging import find_actors, order_actors
from parallax.core.actors.recognizer import (
    MODEL_NAME,
    MODEL_SHA256,
    MODEL_VERSION,
    MODEL_WHEEL_SHA256,
    ModelMissingError,
    ParsedDocument,
    ParsedSentence,
    ParseProgress,
    Recognizer,
    installed_model_sha256,
)

__all__ = [
    "MODEL_NAME",
    "MODEL_SHA256",
    "MODEL_VERSION",
    "MODEL_WHEEL_SHA256",
    "ActorAction",
    "ActorCorrection",
    "Entry",
    "Lexicon",
    "ModelMissingError",
    "ParseProgress",
    "ParsedDocument",
    "ParsedSentence",
    "Recognizer",
    "apply_actor_corrections",
    "delete_actor",
    "find_actors",
    "installed_model_sha256",
    "merge_actors",
    "name_key",
    "order_actors",
    "rename_actor",
    "split_actor",
]

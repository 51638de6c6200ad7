"""Where "无" can be the answer (填报说明 2: 无相关情况时应填写"无"), and where it cannot.

A number cell holding "无" is one of three kinds (docs/validation.md, "无"):

* refused: a figure every cluster has, which the 认定标准 and the other checks
  rest on (总产值, the shares of SMEs and of the leading industry, 企业数量,
  中小企业数量, 中小企业从业人员数量, 占地面积): an item the spec marks
  ``allows_none = false``;
* derived: the result of a formula rule (a growth rate, a share, a per-10,000
  figure): accepted when the formula cannot give it (a base of 0 or "无", an
  input off the form), flagged when the inputs on the form give it
  (:mod:`clusterforms.validation.rules`);
* accepted: any other amount, count or rate the cluster may not have
  (外商直接投资额, 出口额, awards, platforms, standards …).
"""

from __future__ import annotations

from typing import Final

#: Why a figure marked ``allows_none = false`` cannot be "无" (zh, en).
NEVER_NONE_WHY: Final = (
    "每个集群都有此项数据，认定标准和其他栏目的核对以它为依据，应填写数值",
    "every cluster has this figure and the criteria and other checks rest on it; write the number",
)


def refuses_none(item: object) -> bool:
    """Whether "无" is refused in ``item``'s cells: the spec marks it ``allows_none = false``."""
    return getattr(item, "allows_none", True) is False


def required_code(item: object) -> str:
    """The message a blank number cell of ``item`` gets: "write a number", or "… or 无"."""
    return "required_number" if refuses_none(item) else "required_number_or_none"

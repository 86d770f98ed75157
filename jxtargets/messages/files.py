"""Problems with a file as a whole: finding, reading and decoding it, its YAML, CSV and .xlsx form."""

from __future__ import annotations

FILES: dict[str, tuple[str, str]] = {
    # YAML (loading/yamltree.py, yaml_errors.py); {detail} is libyaml's own wording, in English
    "yaml.malformed": ("YAML格式错误：{detail}{tab}{context}", "malformed YAML: {detail}{tab}{context}"),
    "yaml.tab": ("（此处有制表符：YAML只能用空格缩进）", " (a tab: YAML indents with spaces only)"),
    "yaml.context": ("（{context}，见第{line}行）", " ({context} at line {line})"),
    "yaml.second_document": (
        "文件中有第二个YAML文档（---）；一个文件只能有一个文档",
        "a second YAML document (---) in the file; it must hold exactly one",
    ),
    "yaml.not_text": ("不是有效的YAML文本：{detail}", "not valid YAML text: {detail}"),
    "yaml.control_character": (
        "YAML中不允许出现控制字符{char}（是二进制文件，还是粘贴的文字带有隐藏字符？）",
        "control character {char} is not allowed in YAML (a binary file, or text pasted with hidden characters?)",
    ),
    "yaml.tag": (
        "不允许使用标签{tag}（只接受普通YAML值；不会依据标签构造任何对象）",
        "tag {tag} is not allowed (plain YAML values only; nothing is ever constructed from a tag)",
    ),
    "yaml.too_deep": ("嵌套超过{depth}层；拒绝读取", "nested deeper than {depth} levels; refused"),
    "yaml.too_deep_alias": (
        "（经由别名）嵌套超过{depth}层；拒绝读取",
        "nested deeper than {depth} levels (through an alias); refused",
    ),
    "yaml.too_many": ("超过{count}个值；拒绝读取", "more than {count} values; refused"),
    "yaml.alias_bomb": (
        "展开别名后超过{count}个值（别名炸弹？）；拒绝读取",
        "more than {count} values after expanding aliases (an alias bomb?); refused",
    ),
    "yaml.recursive_alias": (
        "别名引用了包含它自身的集合（递归别名）；拒绝读取",
        "an alias refers to a collection that contains it (recursive alias); refused",
    ),
    "yaml.merge_key": ("不允许使用合并键（<<）", "merge keys (<<) are not allowed"),
    "yaml.key_not_plain": ("键必须是普通值，不能是列表或映射", "a key must be a plain value, not a list or mapping"),
    "yaml.duplicate_key": (
        "键{key}重复：第{first}行已给出，第{again}行又给出（请删去其一）",
        "duplicate key {key}: given at line {first} and again at line {again} (remove one)",
    ),
}

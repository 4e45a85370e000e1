package com.leadhandoff.dynamodb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A map of attribute values in its wire form, held as the values, whose JSON tree is built only
 * when something first reads or changes the tree. A response item ({@link #of}) nobody reads but
 * the wire is written straight from the values, without a tree node for each attribute value first;
 * a request's item ({@link #read}) reaches the operation as the values the wire read it into,
 * without a tree to read them from.
 */
public final class ItemNode extends ObjectNode {
  private final Map<String, AttributeValue> values;
  private final LazyChildren children;
  private final boolean treeOfValues;

  private ItemNode(
      Map<String, AttributeValue> values, LazyChildren children, boolean treeOfValues) {
    super(JsonNodeFactory.instance, children);
    this.values = values;
    this.children = children;
    this.treeOfValues = treeOfValues;
  }

  /** {@code values} in their wire form ({@link AttributeValueJson#writeItem}). */
  static ItemNode of(Map<String, AttributeValue> values) {
    return new ItemNode(values, new LazyChildren(() -> tree(values)), true);
  }

  /**
   * A request's map of attribute values, read into {@code values} as {@link
   * AttributeValueJson#readItem} reads its tree; {@code tree} gives that tree as the request has it
   * (a number with its own digits, say), for whatever reads the request as JSON.
   */
  public static ItemNode read(
      Map<String, AttributeValue> values, Supplier<Map<String, JsonNode>> tree) {
    return new ItemNode(values, new LazyChildren(tree), false);
  }

  private static Map<String, JsonNode> tree(Map<String, AttributeValue> values) {
    Map<String, JsonNode> built = new LinkedHashMap<>();
    values.forEach((name, value) -> built.put(name, AttributeValueJson.write(value)));
    return built;
  }

  /**
   * True while the node is the wire form of {@link #attributeValues()} as they are written: built
   * from them, its tree not built yet.
   */
  public boolean writtenAsValues() {
    return treeOfValues && untouched();
  }

  /** The values the node stands for; the same as its tree only while {@link #untouched()}. */
  public Map<String, AttributeValue> attributeValues() {
    return values;
  }

  /** True until the tree was built, for reading or for a change. */
  public boolean untouched() {
    return children.tree == null;
  }

  /** The tree, built on first use; every method is the built map's. */
  private static final class LazyChildren implements Map<String, JsonNode> {
    private final Supplier<Map<String, JsonNode>> build;

    /**
     * Volatile: a remembered request (a transaction's ClientRequestToken) may be compared with
     * another by two threads at once; each then sees a whole tree, whichever it is.
     */
    private volatile Map<String, JsonNode> tree;

    LazyChildren(Supplier<Map<String, JsonNode>> build) {
      this.build = build;
    }

    private Map<String, JsonNode> tree() {
      Map<String, JsonNode> built = tree;
      if (built == null) {
        built = build.get();
        tree = built;
      }
      return built;
    }

    @Override
    public int size() {
      return tree().size();
    }

    @Override
    public boolean isEmpty() {
      return tree().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
      return tree().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
      return tree().containsValue(value);
    }

    @Override
    public JsonNode get(Object key) {
      return tree().get(key);
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
      return tree().put(key, value);
    }

    @Override
    public JsonNode remove(Object key) {
      return tree().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> m) {
      tree().putAll(m);
    }

    @Override
    public void clear() {
      tree().clear();
    }

    @Override
    public Set<String> keySet() {
      return tree().keySet();
    }

    @Override
    public Collection<JsonNode> values() {
      return tree().values();
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
      return tree().entrySet();
    }

    @Override
    public JsonNode getOrDefault(Object key, JsonNode defaultValue) {
      return tree().getOrDefault(key, defaultValue);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
      tree().forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super JsonNode, ? extends JsonNode> f) {
      tree().replaceAll(f);
    }

    @Override
    public JsonNode putIfAbsent(String key, JsonNode value) {
      return tree().putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
      return tree().remove(key, value);
    }

    @Override
    public boolean replace(String key, JsonNode oldValue, JsonNode newValue) {
      return tree().replace(key, oldValue, newValue);
    }

    @Override
    public JsonNode replace(String key, JsonNode value) {
      return tree().replace(key, value);
    }

    @Override
    public JsonNode computeIfAbsent(
        String key, Function<? super String, ? extends JsonNode> mappingFunction) {
      return tree().computeIfAbsent(key, mappingFunction);
    }

    @Override
    public JsonNode computeIfPresent(
        String key, BiFunction<? super String, ? super JsonNode, ? extends JsonNode> f) {
      return tree().computeIfPresent(key, f);
    }

    @Override
    public JsonNode compute(
        String key, BiFunction<? super String, ? super JsonNode, ? extends JsonNode> f) {
      return tree().compute(key, f);
    }

    @Override
    public JsonNode merge(
        String key,
        JsonNode value,
        BiFunction<? super JsonNode, ? super JsonNode, ? extends JsonNode> f) {
      return tree().merge(key, value, f);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || tree().equals(o);
    }

    @Override
    public int hashCode() {
      return tree().hashCode();
    }

    @Override
    public String toString() {
      return tree().toString();
    }
  }
}

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

/**
 * A map of attribute values in its wire form ({@link AttributeValueJson#writeItem}), whose JSON
 * tree is built from the values only when something first reads or changes the tree. A response
 * item nobody reads but the wire is written straight from the values ({@link #attributeValues()},
 * while {@link #untouched()}), without a tree node for each attribute value first.
 */
public final class ItemNode extends ObjectNode {
  private final Map<String, AttributeValue> values;
  private final LazyChildren children;

  private ItemNode(Map<String, AttributeValue> values, LazyChildren children) {
    super(JsonNodeFactory.instance, children);
    this.values = values;
    this.children = children;
  }

  static ItemNode of(Map<String, AttributeValue> values) {
    return new ItemNode(values, new LazyChildren(values));
  }

  /** The values the node stands for; the same as its tree only while {@link #untouched()}. */
  public Map<String, AttributeValue> attributeValues() {
    return values;
  }

  /** True until the tree was built, for reading or for a change. */
  public boolean untouched() {
    return children.tree == null;
  }

  /** The attribute values' tree, built on first use; every method is the built map's. */
  private static final class LazyChildren implements Map<String, JsonNode> {
    private final Map<String, AttributeValue> values;
    private Map<String, JsonNode> tree;

    LazyChildren(Map<String, AttributeValue> values) {
      this.values = values;
    }

    private Map<String, JsonNode> tree() {
      if (tree == null) {
        Map<String, JsonNode> built = new LinkedHashMap<>();
        values.forEach((name, value) -> built.put(name, AttributeValueJson.write(value)));
        tree = built;
      }
      return tree;
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

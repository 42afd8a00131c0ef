import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import "./screens.css";
import "./publishing.css";
import "./import.css";
import "./desk-lists.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

export default mount(App, { target });
